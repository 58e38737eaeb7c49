using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Social.Tests.Infrastructure;

/// <summary>The real web host (Program.BuildWebApp) on 127.0.0.1 and a free port, with test settings.</summary>
internal sealed class SocialHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SocialHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the host; memory storage unless the settings name a data folder.</summary>
    public static async Task<SocialHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var app = Program.BuildWebApp(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory" });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            if (Environment.GetEnvironmentVariable("SOCIAL_TEST_LOGS") == "1")
            {
                builder.Logging.AddSimpleConsole();
            }

            services?.Invoke(builder.Services);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SocialHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
