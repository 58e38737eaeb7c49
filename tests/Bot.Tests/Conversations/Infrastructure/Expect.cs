using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Conversations.Infrastructure;

/// <summary>Behaviour checks on a chat transcript: what a good agent does, not the exact words.</summary>
internal static class Expect
{
    /// <summary>A commitment was made: a ticket reference and a time frame in the same reply.</summary>
    public static void Commitment(ChatTranscript t) =>
        Assert.True(t.Turns.Any(turn => turn.Replies.Any(r => ChatTranscript.HasReference(r.Text ?? "") && (ChatTranscript.HasTimeFrame(r.Text ?? "") || IsHandoff(r.Text)))), $"No reference with a time frame:\n{t}");

    /// <summary>The customer was handed to a person (a ticket and the promise of a person).</summary>
    public static void Escalated(ChatTranscript t) =>
        Assert.True(t.Turns.Any(turn => turn.Replies.Any(r => IsHandoff(r.Text) && ChatTranscript.HasReference(r.Text ?? ""))), $"No handoff:\n{t}");

    /// <summary>Options were offered as buttons (at least two).</summary>
    public static void OptionsOffered(ChatTranscript t) =>
        Assert.True(t.Turns.Any(turn => turn.Replies.Any(r => r.SuggestedActions?.Actions is { Count: >= 2 })), $"No options offered:\n{t}");

    /// <summary>No apology anywhere in the chat.</summary>
    public static void NoApology(ChatTranscript t) => Assert.True(t.Apologies.Count == 0, $"Unexpected apology:\n{t}");

    /// <summary>No apology in the reply to turn <paramref name="index"/>.</summary>
    public static void NoApologyIn(ChatTranscript t, int index) => Assert.False(ChatTranscript.IsApology(t.Reply(index)), $"Unexpected apology in turn {index}:\n{t}");

    /// <summary>At least one apology, and none said twice.</summary>
    public static void ApologisedOnceEach(ChatTranscript t)
    {
        Assert.True(t.Apologies.Count > 0, $"No apology:\n{t}");
        NoRepeatedApology(t);
    }

    public static void NoRepeatedApology(ChatTranscript t) =>
        Assert.True(t.Apologies.Count == t.Apologies.Distinct(StringComparer.OrdinalIgnoreCase).Count(), $"Repeated apology:\n{t}");

    /// <summary>Turn <paramref name="index"/> was answered from a knowledge-base article.</summary>
    public static void AnsweredFromKnowledge(ChatTranscript t, int index) => Assert.True(t.Reply(index).Contains("help article", StringComparison.Ordinal), $"Turn {index} not answered from the knowledge base:\n{t}");

    /// <summary>Turn <paramref name="index"/> reflected the story back and asked whether it is right.</summary>
    public static void Reflected(ChatTranscript t, int index, params string[] facts)
    {
        var reply = t.Reply(index);
        Assert.True(reply.StartsWith("So ", StringComparison.Ordinal) || reply.Contains("\nSo ", StringComparison.Ordinal) || reply.Contains(". So ", StringComparison.Ordinal), $"Turn {index} is no reflection:\n{t}");
        Assert.True(reply.TrimEnd().EndsWith('?'), $"Turn {index} does not ask:\n{t}");
        foreach (var fact in facts)
        {
            Assert.True(reply.Contains(fact, StringComparison.OrdinalIgnoreCase), $"Turn {index} misses '{fact}':\n{t}");
        }
    }

    /// <summary>Every reply asks or closes politely: no turn is left hanging with nothing to say.</summary>
    public static void EveryTurnAnswered(ChatTranscript t) =>
        Assert.All(t.Turns, turn => Assert.Contains(turn.Replies, r => !string.IsNullOrWhiteSpace(r.Text)));

    /// <summary>The conversation ends in a reply that is helpful: a question, a commitment, or a closing.</summary>
    public static void EndsUsefully(ChatTranscript t)
    {
        var last = t.Reply(-1);
        Assert.True(last.Contains('?') || ChatTranscript.HasReference(last) || last.Contains("welcome", StringComparison.OrdinalIgnoreCase) || last.Contains("Thank", StringComparison.Ordinal), $"Last reply leaves the customer hanging:\n{t}");
    }

    private static bool IsHandoff(string? text) => text?.Contains("person from our team", StringComparison.OrdinalIgnoreCase) == true;

    public static IReadOnlyList<string> Offered(Activity activity) => activity.SuggestedActions?.Actions?.Select(a => a.Title ?? "").ToList() ?? [];
}
