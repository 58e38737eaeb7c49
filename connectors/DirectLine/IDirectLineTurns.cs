using SupportBot.Core.Schema;
using SupportBot.Core.Turns;

namespace SupportBot.Connectors.DirectLine;

/// <summary>Runs a posted activity as a turn; a seam so tests can make the bot fail (502).</summary>
internal interface IDirectLineTurns
{
    Task RunAsync(Activity activity, CancellationToken cancellationToken = default);
}

/// <summary>The real turn: the durable adapter (dedupe by activity id, lane, commit, outbox) and the bot.</summary>
internal sealed class AdapterTurns(DurableBotAdapter adapter, IBot bot) : IDirectLineTurns
{
    public Task RunAsync(Activity activity, CancellationToken cancellationToken = default) =>
        adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);
}
