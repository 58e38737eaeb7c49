using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupportBot.Connectors.BotService;

/// <summary>
/// Decides whether the bot may send to a service URL (<c>BotFramework:AllowedServiceUrls</c>): a reply carries
/// the bot's token and the customer's words, so it only ever goes to a Bot Framework service (or loopback in
/// unauthenticated mode), whatever an inbound activity or a stored reference says.
/// </summary>
public sealed class ServiceUrlPolicy
{
    private const int MaxCached = 1024;

    private readonly ServiceUrlPattern[] _patterns;
    private readonly ConcurrentDictionary<string, bool> _decisions = new(StringComparer.Ordinal);

    public ServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        IEnumerable<string> allowed = settings.AllowedServiceUrls.Count > 0 ? settings.AllowedServiceUrls : BotFrameworkOptions.DefaultAllowedServiceUrls;
        if (settings.IsUnauthenticatedMode)
        {
            allowed = allowed.Concat(BotFrameworkOptions.LoopbackServiceUrls);
        }

        _patterns = [.. allowed.Select(text => ServiceUrlPattern.TryParse(text, out var pattern)
            ? pattern
            : throw new InvalidOperationException($"{BotFrameworkOptions.SectionName}:{nameof(BotFrameworkOptions.AllowedServiceUrls)} has an invalid entry '{text}'."))];
    }

    /// <summary>True when the bot may send to <paramref name="serviceUrl"/>.</summary>
    public bool IsAllowed(string? serviceUrl)
    {
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return false;
        }

        if (_decisions.TryGetValue(serviceUrl, out var known))
        {
            return known;
        }

        var allowed = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            && string.IsNullOrEmpty(uri.UserInfo)
            && Array.Exists(_patterns, p => p.Matches(uri));

        // A handful of service URLs serve every conversation; do not let arbitrary ones grow the cache.
        if (_decisions.Count < MaxCached)
        {
            _decisions.TryAdd(serviceUrl, allowed);
        }

        return allowed;
    }
}
