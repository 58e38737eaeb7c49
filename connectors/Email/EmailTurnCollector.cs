using SupportBot.Core.Schema;
using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Connectors.Email;

/// <summary>
/// Email is not chat (issue 7, point 2): everything the bot says in one turn goes out as ONE mail. The
/// dialog runs unchanged; its messages are held while the turn runs and sent as one message at the end
/// (texts as paragraphs, the last question's suggested actions, all attachments). Other activity types
/// (typing, events) pass through; the email sender ignores them.
/// </summary>
internal static class EmailTurnCollector
{
    public static BotCallbackHandler Wrap(BotCallbackHandler bot) => async (turnContext, cancellationToken) =>
    {
        // The dialog says everything in this one answer (reflection, apology and options together).
        turnContext.TurnState.Set(new ChannelTraits { AnswersByReply = true });
        var held = new List<Activity>();
        var flushing = false;
        turnContext.OnSendActivities(async (context, activities, next) =>
        {
            if (flushing)
            {
                return await next().ConfigureAwait(false);
            }

            // Answer ids in the order asked; held messages get theirs now, the rest from the next hook.
            var order = activities.ToList();
            foreach (var message in order.Where(a => a.IsMessage()))
            {
                message.Id ??= UniqueIds.Next();
                held.Add(message);
            }

            activities.RemoveAll(a => a.IsMessage());
            var passed = activities.Count > 0 ? await next().ConfigureAwait(false) : [];
            var p = 0;
            return order.Select(a => a.IsMessage() ? new ResourceResponse(a.Id!) : passed[p++]).ToArray();
        });

        await bot(turnContext, cancellationToken).ConfigureAwait(false);
        if (held.Count > 0)
        {
            flushing = true;
            await turnContext.SendActivityAsync(Merge(held), cancellationToken).ConfigureAwait(false);
        }
    };

    /// <summary>One message from several: paragraphs in order, the last suggested actions, every attachment.</summary>
    internal static Activity Merge(IReadOnlyList<Activity> messages)
    {
        if (messages.Count == 1)
        {
            return messages[0];
        }

        var merged = messages[^1].Clone();
        merged.Id = null;
        merged.Text = string.Join("\n\n", messages.Select(m => m.Text?.Trim()).Where(t => !string.IsNullOrEmpty(t)));
        merged.SuggestedActions = messages.LastOrDefault(m => m.SuggestedActions is { Actions.Count: > 0 })?.SuggestedActions;
        var attachments = messages.SelectMany(m => m.Attachments ?? []).ToList();
        merged.Attachments = attachments.Count > 0 ? attachments : null;
        return merged;
    }
}
