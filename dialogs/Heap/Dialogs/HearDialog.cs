using SupportBot.Core.Sentiment;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap.Dialogs;

/// <summary>
/// Hear: the customer's story is in the case; reflect it back and ask whether it is right. A "no" with a
/// correction is taken and reflected again; a bare "no" asks what was wrong; an order number that does not
/// exist is queried once. Ends with true once the customer agrees (or after
/// <see cref="MaxCorrections"/> rounds, when the team reads their own words instead).
/// </summary>
internal sealed class HearDialog(HeapServices services) : ConversationalDialog(Id, services)
{
    public new const string Id = "heap.hear";
    public const int MaxCorrections = 3;

    private const string Confirm = "confirm";
    private const string Correction = "correction";
    private const string Order = "order";
    private const string Unclear = "unclear";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var heapCase = await Services.CaseAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        return await ReflectAsync(dc, heapCase, options as string, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnAnswerAsync(DialogContext dc, string mode, string text, CancellationToken cancellationToken)
    {
        var heapCase = await Services.CaseAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        Listen(dc.Context, heapCase);
        heapCase.Hear(text);
        var heard = FactExtractor.Extract(text);
        switch (mode)
        {
            case Order:
                heard.OrderNumber ??= FactExtractor.BareOrderNumber(text);
                if (heard.OrderNumber is null && heapCase.Facts.OrderNumber is { } unknown)
                {
                    // They don't have it: carry on without, and don't repeat the wrong number back.
                    heapCase.Facts.OrderNumber = null;
                    if (heapCase.Facts.Story?.Contains(unknown, StringComparison.Ordinal) == true)
                    {
                        heapCase.Facts.Story = null;
                    }
                }

                heapCase.Facts.MergeFrom(heard);
                return await ReflectAsync(dc, heapCase, null, cancellationToken).ConfigureAwait(false);

            case Correction:
                TakeCorrection(heapCase.Facts, heard);
                return await ReflectAsync(dc, heapCase, null, cancellationToken).ConfigureAwait(false);
        }

        var answer = ConfirmRecognizer.Recognize(text);
        var substantial = !heard.IsEmpty || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4;
        if (answer == true)
        {
            heapCase.Facts.MergeFrom(heard); // "yes, and I need it by Friday"
            return await dc.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
        }

        if (answer == false || substantial)
        {
            heapCase.Corrections++;
            if (heapCase.Corrections > MaxCorrections)
            {
                heapCase.Facts.MergeFrom(heard);
                await dc.Context.SendActivityAsync("Thanks for bearing with me — I'll make sure our team reads everything in your own words.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return await dc.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
            }

            if (!substantial)
            {
                return await AskAsync(dc, Correction, HeapTexts.WhatDidIMiss, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            TakeCorrection(heapCase.Facts, heard);
            return await ReflectAsync(dc, heapCase, null, cancellationToken).ConfigureAwait(false);
        }

        // Neither yes, no nor anything new: ask once more, then go on with what we have.
        if (mode == Unclear)
        {
            return await dc.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
        }

        return await AskAsync(dc, Unclear, $"{HeapTexts.ConfirmAgain}", [Yes, No], cancellationToken, inline: false).ConfigureAwait(false);
    }

    private const string Yes = "Yes";
    private const string No = "No";

    /// <summary>Records this message's sentiment in the case: the apology later weighs the whole story, not just "yes".</summary>
    internal static void Listen(Core.Turns.ITurnContext turnContext, HeapCase heapCase)
    {
        if (SentimentTurn.Of(turnContext)?.Result is not { } result)
        {
            return;
        }

        heapCase.WasUpset |= result.Upset;
        heapCase.PeakIntensity = Math.Max(heapCase.PeakIntensity, result.Upset ? result.Intensity : 0);
        heapCase.LowestCompound = Math.Min(heapCase.LowestCompound, result.Compound);
    }

    private static void TakeCorrection(CaseFacts facts, CaseFacts heard)
    {
        // A correction that names no known issue still replaces the story: it is what they meant.
        var story = heard.Story;
        facts.MergeFrom(heard);
        if (heard.IssueType is null && story is { Length: > 0 } && heard.OrderNumber is null && heard.Product is null && heard.Deadline is null && heard.Amount is null && heard.Want is null)
        {
            facts.Story = story;
            facts.IssueType = null;
            facts.Problem = null;
            facts.Detail = null;
        }
    }

    private async Task<DialogTurnResult> ReflectAsync(DialogContext dc, HeapCase heapCase, string? prefix, CancellationToken cancellationToken)
    {
        var facts = heapCase.Facts;
        if (facts.OrderNumber is { } order && !heapCase.CheckedOrders.Contains(order))
        {
            heapCase.CheckedOrders.Add(order);
            if (await Services.Actions.GetOrderAsync(order, cancellationToken).ConfigureAwait(false) is null)
            {
                return await AskAsync(dc, Order, HeapMessages.Join(prefix, HeapTexts.OrderNotFound(order)), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        if (facts.IssueType is null && facts.Story is null && facts.IsEmpty)
        {
            return await AskAsync(dc, Correction, HeapMessages.Join(prefix, HeapTexts.NotUnderstood), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        if (ChannelTraits.Of(dc.Context)?.AnswersByReply == true)
        {
            // Answered by reply (email): a round trip just to hear "yes" costs the customer hours. Say what we
            // understood, invite a correction, and go on to the apology and the options in the same answer.
            await dc.Context.SendActivityAsync(HeapMessages.Join(prefix, Paraphrase.Statement(facts)), cancellationToken: cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(true, cancellationToken).ConfigureAwait(false);
        }

        return await AskAsync(dc, Confirm, HeapMessages.Join(prefix, Paraphrase.Of(facts)), [Yes, No], cancellationToken, inline: false).ConfigureAwait(false);
    }
}
