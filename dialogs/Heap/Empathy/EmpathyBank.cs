using SupportBot.Core.Sentiment;
using SupportBot.Dialogs.Heap.Policy;

namespace SupportBot.Dialogs.Heap.Empathy;

/// <summary>
/// Acknowledgements and apologies in proportion to how upset the customer is and what went wrong. Each
/// phrasing has an id; the conversation keeps the ids it used, and none is used twice. When a level runs
/// out the bank moves to a neighbouring level rather than repeat itself, and finally says nothing.
/// </summary>
internal static class EmpathyBank
{
    private static readonly Dictionary<EmpathyLevel, (string Id, string Text)[]> Apologies = new()
    {
        [EmpathyLevel.Mild] =
        [
            ("m1", "I'm sorry about that."),
            ("m2", "Sorry to hear it — that's not how it should have gone."),
            ("m3", "That's a nuisance, and I apologise."),
            ("m4", "My apologies for the trouble."),
            ("m5", "I'm sorry you've had to deal with this."),
            ("m6", "Thanks for letting us know, and sorry for the hassle."),
            ("m7", "That shouldn't have happened — apologies."),
        ],
        [EmpathyLevel.Strong] =
        [
            ("s1", "I can see why you're frustrated, and I'm really sorry."),
            ("s2", "I completely understand how annoying this is. I'm sorry we let you down."),
            ("s3", "That's genuinely disappointing, and I apologise."),
            ("s4", "You have every reason to be upset — I'm sorry."),
            ("s5", "I hear you, and I'm sorry this has been such a hassle."),
            ("s6", "I'd be frustrated too. I apologise for the trouble this has caused."),
            ("s7", "That's not the experience you deserve, and I'm sorry."),
        ],
        [EmpathyLevel.Severe] =
        [
            ("x1", "I'm truly sorry. This has been a poor experience, and I want to put it right."),
            ("x2", "I understand you're angry, and you're right to be. I'm very sorry."),
            ("x3", "I sincerely apologise — we've let you down badly here."),
            ("x4", "I'm really sorry. You shouldn't have had to chase us for this."),
            ("x5", "This is not acceptable, and I apologise on behalf of the whole team."),
            ("x6", "I'm so sorry about all of this. Let's get it fixed for you now."),
        ],
    };

    /// <summary>Issue-specific acknowledgements that go before the apology, each once per conversation.</summary>
    private static readonly Dictionary<string, (string Id, string Text)[]> Acknowledgements = new(StringComparer.OrdinalIgnoreCase)
    {
        [IssueTypes.Damaged] = [("a-d1", "Opening a parcel to find it damaged is really disappointing."), ("a-d2", "Nobody wants to unpack something broken.")],
        [IssueTypes.Late] = [("a-l1", "Waiting on a parcel that doesn't turn up is stressful."), ("a-l2", "Delays are frustrating, especially when you're counting on it.")],
        [IssueTypes.Missing] = [("a-m1", "Not getting what you paid for is worrying."), ("a-m2", "A missing delivery is the last thing you need.")],
        [IssueTypes.WrongItem] = [("a-w1", "Getting the wrong item means waiting all over again."), ("a-w2", "That's a mix-up on our side.")],
        [IssueTypes.Defective] = [("a-f1", "It's maddening when something new doesn't work."), ("a-f2", "A faulty product is a real letdown.")],
        [IssueTypes.Billing] = [("a-b1", "Unexpected charges are worrying."), ("a-b2", "Nobody likes surprises on their statement.")],
        [IssueTypes.Account] = [("a-a1", "Being locked out is frustrating."), ("a-a2", "Account trouble always comes at the worst time.")],
    };

    /// <summary>The level for this turn's sentiment: an issue is at least Mild; praise and questions get none.</summary>
    public static EmpathyLevel LevelFor(SentimentResult? sentiment, bool hasProblem)
    {
        if (!hasProblem)
        {
            return EmpathyLevel.None;
        }

        if (sentiment is not { Upset: true })
        {
            return sentiment is { Compound: <= -0.6 } ? EmpathyLevel.Strong : EmpathyLevel.Mild;
        }

        return sentiment.Intensity >= 0.65 ? EmpathyLevel.Severe : EmpathyLevel.Strong;
    }

    /// <summary>The level for a whole case: the most upset the customer was while telling it.</summary>
    public static EmpathyLevel LevelFor(bool upset, double peakIntensity, double lowestCompound, bool hasProblem)
    {
        if (!hasProblem)
        {
            return EmpathyLevel.None;
        }

        if (!upset)
        {
            return lowestCompound <= -0.6 ? EmpathyLevel.Strong : EmpathyLevel.Mild;
        }

        return peakIntensity >= 0.65 ? EmpathyLevel.Severe : EmpathyLevel.Strong;
    }

    /// <summary>
    /// An acknowledgement plus apology for <paramref name="level"/> and <paramref name="issueType"/> that this
    /// conversation has not heard yet; records what it used in <paramref name="used"/>. Null when nothing is due or left.
    /// </summary>
    public static string? Pick(EmpathyLevel level, string? issueType, ICollection<string> used, int seed = 0)
    {
        if (level == EmpathyLevel.None)
        {
            return null;
        }

        var parts = new List<string>(2);
        if (level >= EmpathyLevel.Strong && issueType is not null && Acknowledgements.TryGetValue(issueType, out var acks)
            && Take(acks, used, seed) is { } ack)
        {
            parts.Add(ack);
        }

        // The level asked for first, then the nearest ones: a different phrasing beats a repeated one.
        foreach (var candidate in Order(level))
        {
            if (Take(Apologies[candidate], used, seed) is { } apology)
            {
                parts.Add(apology);
                break;
            }
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <summary>Every phrasing of the bank, for tests.</summary>
    internal static IEnumerable<string> AllPhrasings() =>
        Apologies.Values.SelectMany(a => a).Concat(Acknowledgements.Values.SelectMany(a => a)).Select(a => a.Text);

    private static IEnumerable<EmpathyLevel> Order(EmpathyLevel level) => level switch
    {
        EmpathyLevel.Mild => [EmpathyLevel.Mild, EmpathyLevel.Strong],
        EmpathyLevel.Strong => [EmpathyLevel.Strong, EmpathyLevel.Mild, EmpathyLevel.Severe],
        _ => [EmpathyLevel.Severe, EmpathyLevel.Strong],
    };

    private static string? Take((string Id, string Text)[] phrasings, ICollection<string> used, int seed)
    {
        for (var i = 0; i < phrasings.Length; i++)
        {
            var (id, text) = phrasings[(i + Math.Abs(seed)) % phrasings.Length];
            if (!used.Contains(id))
            {
                used.Add(id);
                return text;
            }
        }

        return null;
    }
}
