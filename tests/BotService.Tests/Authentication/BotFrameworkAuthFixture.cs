using SupportBot.BotService.Tests.Infrastructure;

namespace SupportBot.BotService.Tests.Authentication;

/// <summary>One key server, one Bot Connector and one authenticated bot for all the token tests.</summary>
public sealed class BotFrameworkAuthFixture : IAsyncLifetime
{
    public const string AppId = "8f3c2a51-0d4e-4b7a-9c61-2f5e8d7b1a90";

    public BotFrameworkKeyServer Keys { get; private set; } = null!;

    public BotConnectorTestServer Connector { get; private set; } = null!;

    public BotHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Keys = await BotFrameworkKeyServer.StartAsync("msteams", "webchat");
        Connector = await BotConnectorTestServer.StartAsync();
        Bot = await BotHost.StartAsync(BotHost.Authenticated(AppId, Keys, Connector));
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
    }
}
