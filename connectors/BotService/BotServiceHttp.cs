namespace SupportBot.Connectors.BotService;

/// <summary>
/// The one HTTP client of the channel (Bot Connector calls, tokens, signing keys): pooled HTTP/1.1 keep-alive
/// connections, recycled every few minutes so DNS changes of the service hosts are picked up.
/// </summary>
public sealed class BotServiceHttp : IDisposable
{
    /// <summary>How long one attempt of a call may take.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public BotServiceHttp()
    {
        Client = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,

            // The Bot Connector answers directly; following a redirect would carry the bot's token to a host
            // that AllowedServiceUrls never approved.
            AllowAutoRedirect = false,
        })
        {
            Timeout = RequestTimeout,
        };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("SupportBot/1.0");
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
