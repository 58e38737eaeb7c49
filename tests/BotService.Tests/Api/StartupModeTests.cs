using Microsoft.Extensions.Logging;
using SupportBot.BotService.Tests.Infrastructure;

namespace SupportBot.BotService.Tests.Api;

/// <summary>The host says at start how /api/messages authenticates, with a warning for the open and the closed modes.</summary>
public sealed class StartupModeTests
{
    [Fact]
    public async Task Start_AllowUnauthenticatedWithoutAppId_LogsAWarning()
    {
        var logs = new CapturingLoggerProvider();

        await using (await BotHost.StartAsync(new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticated"] = "true" }, b => b.Logging.AddProvider(logs)))
        {
        }

        var warning = Assert.Single(logs.Entries, e => e.EventId == 3005);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("AllowUnauthenticated", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoAppIdAndNotAllowed_WarnsThatEveryCallIsRefused()
    {
        var logs = new CapturingLoggerProvider();

        await using (await BotHost.StartAsync(new Dictionary<string, string?>(), b => b.Logging.AddProvider(logs)))
        {
        }

        Assert.Equal(LogLevel.Warning, Assert.Single(logs.Entries, e => e.EventId == 3006).Level);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 3005);
    }

    [Fact]
    public async Task Start_AppIdWithoutPassword_FailsNamingTheKey()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["BotFramework:MicrosoftAppId"] = "app-1" }));

        Assert.Contains("BotFramework:MicrosoftAppPassword", ex.Message, StringComparison.Ordinal);
    }
}
