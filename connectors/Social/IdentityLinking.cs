using System.Text.RegularExpressions;
using SupportBot.Core.State;
using SupportBot.Core.Support.Customers;
using SupportBot.Core.Turns;

namespace SupportBot.Connectors.Social;

/// <summary>
/// Links a social account to a customer record, in private only and only after a one-time code mailed to
/// the address on file comes back (issue 8, point 4): "link" → the email address → the code. A typed
/// address or order number alone never links anything, and the answer to an address is the same whether
/// it is on file or not. Progress lives in conversation state, committed with the turn.
/// </summary>
public sealed partial class IdentityLinking(ConversationState conversationState, ICustomerService customers, IOneTimeCodeMailer? mailer = null)
{
    /// <summary>What a customer sends in private to start.</summary>
    public const string Command = "link";

    private readonly IStatePropertyAccessor<LinkProgress> _progress = conversationState.CreateProperty<LinkProgress>("socialLink");

    /// <summary>Whether codes can be mailed (an <see cref="IOneTimeCodeMailer"/> is registered).</summary>
    public bool Available => mailer is not null;

    /// <summary>Answers the private message when it belongs to the linking exchange; false lets the bot answer it.</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = (turnContext.Activity.Text ?? string.Empty).Trim();
        var progress = await _progress.GetAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (StartWords().IsMatch(text))
        {
            if (mailer is null)
            {
                await turnContext.SendActivityAsync("I'm sorry, I can't link accounts here at the moment. I can still help with your question right here.", cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }

            await _progress.SetAsync(turnContext, new LinkProgress(LinkProgress.AwaitingEmail), cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync("Happy to link this account to your customer record. What's the email address on your account? I'll send a one-time code there.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (progress is null)
        {
            return false;
        }

        if (CancelWords().IsMatch(text))
        {
            await _progress.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync("No problem, I've stopped linking. How can I help?", cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        var identity = new ChannelIdentity(turnContext.Activity.ChannelId!, turnContext.Activity.From!.Id!);
        return progress.Stage == LinkProgress.AwaitingEmail
            ? await OnEmailAsync(turnContext, identity, text, cancellationToken).ConfigureAwait(false)
            : await OnCodeAsync(turnContext, identity, text, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> OnEmailAsync(ITurnContext turnContext, ChannelIdentity identity, string text, CancellationToken cancellationToken)
    {
        if (Email().Match(text) is not { Success: true } email)
        {
            await turnContext.SendActivityAsync("That doesn't look like an email address. Please send the address on your account, or \"cancel\" to stop.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (await customers.IssueCodeAsync(identity, email.Value, cancellationToken).ConfigureAwait(false) is { } code)
        {
            await mailer!.SendAsync(code, cancellationToken).ConfigureAwait(false);
        }

        // The same words whether the address is on file or not: nobody learns who is a customer.
        await _progress.SetAsync(turnContext, new LinkProgress(LinkProgress.AwaitingCode), cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync("Thanks. If that address is on file, a 6-digit code is on its way to it. Please send the code here.", cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> OnCodeAsync(ITurnContext turnContext, ChannelIdentity identity, string text, CancellationToken cancellationToken)
    {
        if (Code().Match(text) is not { Success: true } typed)
        {
            await turnContext.SendActivityAsync("Please send the 6-digit code from the email, or \"cancel\" to stop.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        var result = await customers.VerifyCodeAsync(identity, typed.Value, cancellationToken).ConfigureAwait(false);
        if (result.Status == VerificationStatus.WrongCode)
        {
            await turnContext.SendActivityAsync($"That code doesn't match. You have {result.AttemptsLeft} {(result.AttemptsLeft == 1 ? "try" : "tries")} left.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        await _progress.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (!result.Verified)
        {
            await turnContext.SendActivityAsync($"That code can't be used any more. Send \"{Command}\" to get a new one.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        var linked = await customers.LinkIdentityAsync(identity, result.CustomerId!, cancellationToken).ConfigureAwait(false);
        var answer = linked switch
        {
            LinkResult.Linked or LinkResult.AlreadyLinked => "Thank you, that's confirmed: this account is now linked to your customer record, so next time I'll know it's you.",
            LinkResult.LinkedToAnotherCustomer => "This account is already linked to a different customer record, so I've left it as it is. A person from our team can sort that out for you.",
            _ => $"I'm sorry, I couldn't link the account. Send \"{Command}\" to try again.",
        };
        await turnContext.SendActivityAsync(answer, cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    [GeneratedRegex(@"^(please\s+)?(link|verify)(\s+(my|this))?(\s+account)?(\s+please)?[.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartWords();

    [GeneratedRegex(@"^(cancel|stop|never\s*mind)[.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CancelWords();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
