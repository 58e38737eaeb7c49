namespace SupportBot.Connectors.BotService.Client;

/// <summary>A call to a service URL outside <c>BotFramework:AllowedServiceUrls</c> was refused before anything was sent.</summary>
public sealed class ServiceUrlNotAllowedException(string? serviceUrl)
    : InvalidOperationException($"The service URL '{serviceUrl}' is not in BotFramework:AllowedServiceUrls; nothing was sent.")
{
    public string? ServiceUrl { get; } = serviceUrl;
}
