namespace SupportBot.Connectors.BotService.Client;

/// <summary>The bot's own bearer token for Bot Connector calls (PROTOCOLS.md §3, bot → connector).</summary>
public interface IBotConnectorTokenProvider
{
    /// <summary>A token valid for a while yet, or null when calls go without one (no app id: unauthenticated mode, the Emulator).</summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets the cached token (the connector answered 401), so the next call gets a new one.</summary>
    void Invalidate();
}
