using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>Maps the Direct Line 3.0 API at <c>/v3/directline</c> and the page's token endpoint.</summary>
public static class DirectLineEndpoints
{
    /// <summary>The CORS policy of the Direct Line endpoints (origins from <c>Channels:DirectLine:AllowedOrigins</c>).</summary>
    public const string CorsPolicy = "DirectLine";

    /// <summary>
    /// Maps every Direct Line route, rate-limited and with <see cref="CorsPolicy"/>. The host must run the
    /// WebSocket and CORS middleware (<c>MapDirectLine</c> in the bot does).
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var limiter = app.ServiceProvider.GetRequiredService<DirectLineRateLimiter>();

        var api = app.MapGroup(DirectLineHttp.BasePath).RequireCors(CorsPolicy).AddEndpointFilter(limiter);
        api.MapPost("/tokens/generate", ConversationEndpoints.GenerateAsync);
        api.MapPost("/tokens/refresh", ConversationEndpoints.RefreshAsync);
        api.MapPost("/conversations", ConversationEndpoints.StartAsync);
        api.MapGet("/conversations/{conversationId}", ConversationEndpoints.ReconnectAsync);
        api.MapPost("/conversations/{conversationId}/activities", ActivityEndpoints.PostAsync);
        api.MapGet("/conversations/{conversationId}/activities", ActivityEndpoints.GetAsync);
        api.MapGet("/conversations/{conversationId}/stream", StreamEndpoint.ConnectAsync);
        api.MapPost("/conversations/{conversationId}/upload", UploadEndpoints.UploadAsync).DisableAntiforgery();
        api.MapGet("/conversations/{conversationId}/attachments/{attachmentId}", UploadEndpoints.DownloadAsync);

        app.MapPost(WebChatTokenEndpoint.Path, WebChatTokenEndpoint.IssueAsync).RequireCors(CorsPolicy).AddEndpointFilter(limiter);
        return app;
    }
}
