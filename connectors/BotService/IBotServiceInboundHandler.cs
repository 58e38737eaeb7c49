using System.Text.Json;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService;

/// <summary>
/// Sees every authenticated activity on <c>/api/messages</c> before the bot does, in registration order. The
/// Teams hub claims its support channel's traffic this way (agents' messages, Adaptive Card invokes); what no
/// handler claims runs as a customer turn.
/// </summary>
public interface IBotServiceInboundHandler
{
    /// <summary>Null: not this handler's; otherwise the HTTP answer to the channel.</summary>
    Task<InboundResponse?> HandleAsync(Activity activity, CancellationToken cancellationToken = default);
}

/// <summary>
/// The HTTP answer to an inbound activity: a status and an optional JSON body (for an invoke, the
/// InvokeResponse body, e.g. <c>{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{…}}</c>).
/// </summary>
public sealed record InboundResponse(int StatusCode, JsonElement? Body = null);
