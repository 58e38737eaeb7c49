using Microsoft.Extensions.Logging;
using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.DirectLine;

/// <summary>
/// Takes a posted activity into the bot: logs it (server id, watermark, echo to the stream with its
/// <c>clientActivityID</c>), then runs it as a turn. The same <c>clientActivityID</c> twice makes one
/// logged activity and one turn, and both posts get the same id (PROTOCOLS.md §1: clients retry).
/// </summary>
internal sealed partial class DirectLineConnector(
    DirectLineConversations conversations,
    IDirectLineTurns turns,
    ILogger<DirectLineConnector> logger)
{
    /// <summary>Logs and runs the activity; answers its server id.</summary>
    /// <exception cref="InvalidActivityException">The activity cannot be processed (400).</exception>
    /// <exception cref="DirectLineBotException">The turn failed; the activity is logged and a retry re-runs it.</exception>
    public async Task<string> PostAsync(Activity posted, DirectLineCaller caller, string conversationId, string serviceUrl, CancellationToken cancellationToken = default)
    {
        var inbound = DirectLineActivityMapper.ToInbound(posted, caller, conversationId, serviceUrl);

        // Refuse what the adapter would refuse (an unknown type) before it is logged and echoed.
        ActivityJson.Validate(inbound);
        var clientActivityId = DirectLineActivityMapper.ClientActivityIdOf(posted);
        var logged = await conversations.AppendPostedAsync(conversationId, inbound, clientActivityId, cancellationToken).ConfigureAwait(false);
        if (logged.Duplicate)
        {
            DirectLineLog.DuplicatePost(logger);
        }

        var activity = logged.Activities.Count > 0
            ? logged.Activities[0]
            : throw new InvalidOperationException("The logged activity could not be read back.");
        try
        {
            // A duplicate runs too: the adapter recognises the id when the first turn committed, and a
            // first turn that never committed (a crash, a 502) runs now.
            await turns.RunAsync(activity with { }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DirectLineLog.TurnFailed(logger, ex, activity.Type ?? "unknown");
            throw new DirectLineBotException(ex);
        }

        return activity.Id!;
    }
}

/// <summary>The bot could not process a posted activity (answered with 502).</summary>
internal sealed class DirectLineBotException(Exception inner) : Exception("The bot failed to process the activity.", inner);
