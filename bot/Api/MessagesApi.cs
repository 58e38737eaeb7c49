namespace SupportBot.Bot.Api;

/// <summary>The Bot Framework webhook: <c>POST /api/messages</c> takes one activity (PROTOCOLS.md §2–3).</summary>
public static class MessagesApi
{
    private const string Path = "/api/messages";

    /// <summary>
    /// Serves <c>POST /api/messages</c> (see <see cref="MessagesEndpoint"/>). With <c>deliveryMode: expectReplies</c>
    /// the replies come back in the response; otherwise they go through the durable outbox to the channel's
    /// sender (for Bot Connector channels: POSTed to the activity's <c>serviceUrl</c>). Call it before the other
    /// middleware: every channel message takes this path, and none of the rest (HTTP request metrics — the turn
    /// metrics count these calls —, agent desk sign-in, static files, CORS, WebSockets) applies to it.
    /// </summary>
    public static WebApplication MapBotApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoint = app.Services.GetRequiredService<MessagesEndpoint>();
        app.Use(next => context =>
            HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase)
                ? endpoint.HandleAsync(context)
                : next(context));

        // Also a routed endpoint, so other methods get 405 and the route is listed with the others.
        app.MapPost(Path, endpoint.HandleAsync);
        return app;
    }
}
