using SupportBot.Core.Turns;
using SupportBot.Dialogs.Heap.Dialogs;
using SupportBot.Dialogs.Heap.Empathy;
using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.Policy;
using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Prompts;

namespace SupportBot.Dialogs.Heap;

/// <summary>The main waterfall: listen, triage (short paths or hear), empathize and lead, provide.</summary>
public sealed partial class HeapDialog
{
    private Task<DialogTurnResult> ListenAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.GetOptions<HeapStart>() is { Ask: true, Prompt: { } prompt }
            ? step.PromptAsync(TextPromptId, PromptOptions.FromText(prompt), cancellationToken)
            : step.NextAsync(step.Context.Activity.Text ?? string.Empty, cancellationToken);

    private async Task<DialogTurnResult> TriageAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var turnContext = step.Context;
        var text = step.Result as string ?? string.Empty;
        if (step.GetOptions<HeapStart>()?.Carry is { } carried && MessageClassifier.Classify(text) is MessageKind.Story)
        {
            text = $"{carried.TrimEnd('.', ' ')}. {text}";
        }

        var heapCase = await _services.CaseAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (heapCase.Stage is HeapStages.FollowUp or HeapStages.Done)
        {
            heapCase.Reset(); // a new issue in the same conversation
        }

        var profile = await RememberAsync(turnContext, heapCase, cancellationToken).ConfigureAwait(false);
        if (HeapServices.ShouldEscalate(turnContext))
        {
            await _escalation.EscalateAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var kind = MessageClassifier.Classify(text);
        switch (kind)
        {
            case MessageKind.Empty:
                return await AskAgainAsync(step, HeapTexts.EmptyMessage, cancellationToken).ConfigureAwait(false);
            case MessageKind.EmojiOnly when ConfirmRecognizer.Recognize(text) != true:
                return await AskAgainAsync(step, HeapTexts.EmojiOnly, cancellationToken).ConfigureAwait(false);
            case MessageKind.Gibberish:
                return await AskAgainAsync(step, HeapTexts.NotUnderstood, cancellationToken).ConfigureAwait(false);
            case MessageKind.OtherLanguage:
                return await AskAgainAsync(step, HeapTexts.OtherLanguage, cancellationToken).ConfigureAwait(false);
            case MessageKind.Help:
                return await AskAgainAsync(step, HeapTexts.Help(_services.Policy), cancellationToken).ConfigureAwait(false);
            case MessageKind.StartOver:
                return await AskAgainAsync(step, HeapTexts.StartOver, cancellationToken).ConfigureAwait(false);
            case MessageKind.Greeting:
                heapCase.Greeted = true;
                if (profile is { Name: not null, OpenTickets.Count: > 0 } && heapCase.Returning)
                {
                    return await step.ReplaceDialogAsync(TicketCheckDialog.Id, null, cancellationToken).ConfigureAwait(false);
                }

                return await AskAgainAsync(step, HeapTexts.Greeting(_services.Policy, heapCase.Returning ? profile.Name : null), cancellationToken).ConfigureAwait(false);
            case MessageKind.Thanks or MessageKind.EmojiOnly:
                await turnContext.SendActivityAsync(HeapTexts.YoureWelcome(_services.Policy), cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case MessageKind.Praise:
                await turnContext.SendActivityAsync(HeapTexts.ThanksForPraise(_services.Policy), cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case MessageKind.Question:
                return await AnswerQuestionAsync(step, text, cancellationToken).ConfigureAwait(false);
        }

        var facts = FactExtractor.Extract(text);
        if (facts.IssueType is null && StatusQuestion.IsMatch(text) && (facts.OrderNumber ?? facts.TicketId) is not null)
        {
            await turnContext.SendActivityAsync(await _status.AnswerAsync(turnContext, facts, cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        switch (facts.IsEmpty ? ConfirmRecognizer.Recognize(text) : null)
        {
            case false:
                // "no" to "anything else?": done.
                await turnContext.SendActivityAsync(HeapTexts.YoureWelcome(_services.Policy), cancellationToken: cancellationToken).ConfigureAwait(false);
                return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
            case true:
                return await AskAgainAsync(step, "Sure — what can I help you with?", cancellationToken).ConfigureAwait(false);
        }

        if (step.GetOptions<HeapStart>()?.Carry is null && IsVague(facts, text))
        {
            // "I have a problem with my order": let them tell the whole story before reflecting anything.
            return await step.ReplaceDialogAsync(MainId, HeapStart.Asking("Of course — tell me what happened, in as much detail as you like.", text), cancellationToken).ConfigureAwait(false);
        }

        heapCase.Facts = facts;
        heapCase.Hear(text);
        HearDialog.Listen(turnContext, heapCase);
        var prefix = HeapMessages.Join(
            !heapCase.Greeted && heapCase.Returning && profile.Name is { } name ? $"Welcome back, {name}." : null,
            text.Length > FactExtractor.MaxChars ? HeapTexts.TooLong : null);
        heapCase.Greeted = true;
        return await step.BeginDialogAsync(HearDialog.Id, prefix.Length == 0 ? null : prefix, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> EmpathizeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var heapCase = await _services.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        heapCase.Stage = HeapStages.Empathize;
        // Something went wrong, or they feel it did: a neutral request ("check ticket T-1042") gets no apology.
        var hasProblem = heapCase.Facts.IssueType is not null || heapCase.WasUpset || heapCase.LowestCompound <= -0.3;
        var level = EmpathyBank.LevelFor(heapCase.WasUpset, heapCase.PeakIntensity, heapCase.LowestCompound, hasProblem);
        var seed = StableSeed(step.Context.Activity.Conversation?.Id);
        var empathy = EmpathyBank.Pick(level, heapCase.Facts.IssueType, heapCase.UsedPhrasings, seed);
        return await step.BeginDialogAsync(LeadDialog.Id, new LeadStart { Empathy = empathy }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ProvideAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string action)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var heapCase = await _services.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        heapCase.Stage = HeapStages.Provide;
        var commitment = await _provider.ProvideAsync(step.Context, heapCase, action, cancellationToken).ConfigureAwait(false);
        await step.Context.SendActivityAsync(HeapMessages.Join(commitment, HeapTexts.AnythingElse), cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(action, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AnswerQuestionAsync(WaterfallStepContext step, string text, CancellationToken cancellationToken)
    {
        var hit = await _services.Actions.SearchKnowledgeAsync(text, cancellationToken).ConfigureAwait(false);
        if (hit is null)
        {
            return await AskAgainAsync(step, "I don't have a ready answer to that one. Could you tell me a bit more about what you need? Or type \"talk to a person\" and a colleague will answer it.", cancellationToken).ConfigureAwait(false);
        }

        var outcome = await _services.Outcome.GetAsync(step.Context, () => new ConversationOutcome(), cancellationToken).ConfigureAwait(false);
        if (outcome!.Kind is Outcomes.Open or Outcomes.ResolvedFirstContact)
        {
            await _services.SetOutcomeAsync(step.Context, Outcomes.ResolvedFirstContact, null, cancellationToken).ConfigureAwait(false);
        }

        await step.Context.SendActivityAsync(HeapMessages.Join(HeapTexts.KnowledgeAnswer(hit.Answer, hit.Title), HeapTexts.AnythingElse), cancellationToken: cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static readonly System.Text.RegularExpressions.Regex StatusQuestion = new(
        @"\b(?:status|where is|where's|track|tracking|has it shipped|when will it (?:arrive|come)|any news|update on)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking);

    private static bool IsVague(CaseFacts facts, string text) =>
        facts.IssueType is null && facts.OrderNumber is null && facts.TicketId is null && facts.Product is null && facts.Want is null && facts.Amount is null
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 12
        && VagueWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] VagueWords = ["problem", "issue", "trouble", "complaint", "query", "question about", "something wrong", "need help", "help with"];

    private static Task<DialogTurnResult> AskAgainAsync(WaterfallStepContext step, string prompt, CancellationToken cancellationToken) =>
        step.ReplaceDialogAsync(MainId, HeapStart.Asking(prompt), cancellationToken);

    /// <summary>
    /// Loads what we know of the customer — only through the channel's own user id (user state) and the
    /// customer records for that same identity, never from anything typed.
    /// </summary>
    private async Task<CustomerProfile> RememberAsync(ITurnContext turnContext, HeapCase heapCase, CancellationToken cancellationToken)
    {
        var profile = await _services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (heapCase.Greeted || heapCase.Remembered)
        {
            return profile;
        }

        heapCase.Remembered = true;
        heapCase.Returning = profile.LastOutcome is not null || profile.OpenTickets.Count > 0 || profile.CustomerId is not null;
        var from = turnContext.Activity.From;
        if (profile.CustomerId is null && from?.Id is { } userId && turnContext.Activity.ChannelId is { } channelId
            && await _services.Actions.LookupCustomerAsync(channelId, userId, cancellationToken).ConfigureAwait(false) is { } customer)
        {
            profile.CustomerId = customer.CustomerId;
            profile.Name ??= customer.Name;
            heapCase.Returning = true;
            foreach (var ticket in customer.OpenTickets.Where(t => profile.OpenTickets.TrueForAll(o => o.Id != t.Id)))
            {
                profile.OpenTickets.Add(new OpenTicket(ticket.Id, ticket.Subject ?? "your earlier request"));
            }
        }

        if (profile.Name is null && from?.Name is { Length: > 0 } display && display != from.Id)
        {
            profile.Name = display.Split(' ')[0];
        }

        return profile;
    }

    private static int StableSeed(string? value)
    {
        var hash = 17;
        foreach (var c in value ?? string.Empty)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & 0x7fffffff;
    }
}
