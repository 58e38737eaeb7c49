using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SupportBot.Bot.Storage;

namespace SupportBot.Bot.Extensions;

/// <summary>Says at start where the host listens and where its data is.</summary>
public static class ListeningExtensions
{
    /// <summary>Logs the bound addresses (the real port when 0 was asked for) and the storage once started.</summary>
    public static WebApplication LogListeningAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(HostLog.Category);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            HostLog.Listening(logger, string.Join(", ", addresses));
            var store = app.Services.GetRequiredService<BotStore>();
            HostLog.StorageOpened(logger, store.FilePath is null ? StorageProviders.Memory : StorageProviders.Sqlite, store.FilePath ?? "(in memory)");
        });
        return app;
    }
}
