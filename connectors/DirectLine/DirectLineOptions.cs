namespace SupportBot.Connectors.DirectLine;

/// <summary>
/// The <c>Channels:DirectLine</c> section: SupportBot's own Direct Line 3.0 server (PROTOCOLS.md §1).
/// Every setting has a default that works when the section is absent.
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "Channels:DirectLine";

    /// <summary>
    /// The channel id of every Direct Line conversation. Web Chat stamps <c>webchat</c> on what it posts;
    /// the server replaces it so one conversation never splits across two channel ids (lanes, dedupe and
    /// transcripts are keyed by channel).
    /// </summary>
    public const string ChannelId = "directline";

    /// <summary>
    /// The Direct Line secret for server-side callers (<c>tokens/generate</c>, any conversation). Set it
    /// only through the environment (<c>Channels__DirectLine__Secret</c>) or user secrets, never in a
    /// file; empty (the default) disables secret access. When set, tokens are signed with a key derived
    /// from it; otherwise with a random key kept in the store.
    /// </summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>
    /// Origins (<c>https://shop.example</c>) whose pages may call <c>POST /api/webchat/token</c> and the
    /// Direct Line API cross-origin. The host's own origin is always allowed.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a token lives. The official client refreshes every 15 minutes, so it must be longer.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest upload (all files of one <c>upload</c> request together), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most activities one <c>GET …/activities</c> answers; the watermark pages through the rest.</summary>
    public int ActivitiesPageSize { get; set; } = 100;

    /// <summary>How often an idle stream sends an empty keep-alive message.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests per minute and conversation token; 0 turns the limit off.</summary>
    public int RateLimitPerTokenPerMinute { get; set; } = 300;

    /// <summary>Requests per minute and client IP (behind a proxy: see <see cref="KnownProxies"/>); 0 turns the limit off.</summary>
    public int RateLimitPerIpPerMinute { get; set; } = 1200;

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-Proto/For/Host</c> headers are trusted (IP addresses). Empty
    /// (the default) trusts only loopback proxies.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation (<c>10.0.0.0/8</c>) whose forwarded headers are trusted.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>The problems with these settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var prefix = SectionName + ":";
        if (TokenLifetime <= TimeSpan.FromMinutes(15) || TokenLifetime > TimeSpan.FromDays(1))
        {
            errors.Add($"{prefix}{nameof(TokenLifetime)} must be longer than 15 minutes (the official client refreshes every 15) and at most a day (was {TokenLifetime}).");
        }

        if (MaxUploadBytes <= 0)
        {
            errors.Add($"{prefix}{nameof(MaxUploadBytes)} must be positive (was {MaxUploadBytes}).");
        }

        if (ActivitiesPageSize is < 1 or > 1000)
        {
            errors.Add($"{prefix}{nameof(ActivitiesPageSize)} must be between 1 and 1000 (was {ActivitiesPageSize}).");
        }

        if (KeepAliveInterval <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}{nameof(KeepAliveInterval)} must be positive (was {KeepAliveInterval}).");
        }

        if (RateLimitPerTokenPerMinute < 0 || RateLimitPerIpPerMinute < 0)
        {
            errors.Add($"{prefix}RateLimitPer…PerMinute must be 0 (off) or positive.");
        }

        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                errors.Add($"{prefix}{nameof(AllowedOrigins)} entry '{origin}' must be an origin such as https://shop.example.");
            }
        }

        foreach (var proxy in KnownProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                errors.Add($"{prefix}{nameof(KnownProxies)} entry '{proxy}' is not an IP address.");
            }
        }

        foreach (var network in KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                errors.Add($"{prefix}{nameof(KnownNetworks)} entry '{network}' is not a CIDR network.");
            }
        }

        return errors;
    }

    /// <summary>True when <paramref name="origin"/> is in <see cref="AllowedOrigins"/> (scheme, host and port compared).</summary>
    public bool IsAllowedOrigin(string origin) =>
        AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
