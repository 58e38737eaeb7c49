namespace SupportBot.Bot.Api;

/// <summary>The Bot Framework webhook: <c>POST /api/messages</c> takes one activity (PROTOCOLS.md §2–3).</summary>
public static class MessagesApi
{
    /// <summary>
    /// Maps <c>POST /api/messages</c> (see <see cref="MessagesEndpoint"/>). With <c>deliveryMode: expectReplies</c>
    /// the replies come back in the response; otherwise they go through the durable outbox to the channel's
    /// sender (for Bot Connector channels: POSTed to the activity's <c>serviceUrl</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoint = app.ServiceProvider.GetRequiredService<MessagesEndpoint>();
        app.MapPost("/api/messages", endpoint.HandleAsync);
        return app;
    }
}
