using System.Text.RegularExpressions;
using SupportBot.Dialogs.Heap.Dialogs;
using SupportBot.Dialogs.Heap.Empathy;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.State;

namespace SupportBot.Dialogs.Heap.FollowUp;

/// <summary>
/// After a resolved ticket: one satisfaction question, 1 (poor) to 5 (excellent), stored with the outcome.
/// A customer who moves on to something else instead of rating is heard, not pestered.
/// </summary>
internal sealed partial class CsatDialog(HeapServices services) : ConversationalDialog(Id, services)
{
    public new const string Id = "heap.csat";

    private const string Rate = "rate";
    private static readonly string[] Scores = ["1", "2", "3", "4", "5"];

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
        AskAsync(dc, Rate, options as string ?? Question, Scores, cancellationToken, inline: false);

    public const string Question = "How would you rate the help you got, from 1 (poor) to 5 (excellent)?";

    protected override async Task<DialogTurnResult> OnAnswerAsync(DialogContext dc, string mode, string text, CancellationToken cancellationToken)
    {
        if (Score(text) is not { } score)
        {
            var kind = MessageClassifier.Classify(text);
            var movedOn = kind is not (MessageKind.Empty or MessageKind.EmojiOnly or MessageKind.Gibberish) || HeapServices.ShouldEscalate(dc.Context);
            if (movedOn || Bump(dc, "attempts") > 1)
            {
                // They moved on: hear the new message instead of insisting on a rating.
                return await dc.ReplaceDialogAsync(HeapDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
            }

            return await AskAsync(dc, Rate, "Just a number from 1 to 5 is perfect — how did we do?", Scores, cancellationToken, inline: false).ConfigureAwait(false);
        }

        var outcome = (await Services.Outcome.GetAsync(dc.Context, () => new ConversationOutcome(), cancellationToken).ConfigureAwait(false))!;
        outcome.Csat = score;
        HeapMetrics.CsatRecorded(score, dc.Context.Activity.ChannelId);
        var heapCase = await Services.CaseAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        var reply = score >= 4
            ? $"Thank you — that's great to hear! {Services.Policy.SignOff}"
            : HeapMessages.Join(
                score <= 2 ? EmpathyBank.Pick(EmpathyLevel.Mild, null, heapCase.UsedPhrasings) : null,
                "Thanks for telling us honestly — I've passed it on so we can do better.",
                "If something still isn't right, just tell me here.");
        await dc.Context.SendActivityAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(score, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"4", "4/5", "four", "★★★★", "excellent" → 1…5; null when it is not a rating.</summary>
    internal static int? Score(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (DigitRegex().Match(t) is { Success: true } m)
        {
            return m.Value[0] - '0';
        }

        var stars = t.Count(c => c is '★' or '⭐');
        if (stars is >= 1 and <= 5)
        {
            return stars;
        }

        return t switch
        {
            "one" or "terrible" or "awful" or "very bad" or "poor" => 1,
            "two" or "bad" => 2,
            "three" or "ok" or "okay" or "fine" or "average" => 3,
            "four" or "good" or "great" => 4,
            "five" or "excellent" or "perfect" or "amazing" => 5,
            _ => null,
        };
    }

    [GeneratedRegex(@"^\s*[1-5](?:\s*(?:/\s*5|out of 5|stars?))?\s*[.!]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRegex();
}
