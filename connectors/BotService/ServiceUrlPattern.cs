namespace SupportBot.Connectors.BotService;

/// <summary>
/// One entry of <c>BotFramework:AllowedServiceUrls</c>: a scheme, a host (or <c>*.domain</c> for its
/// subdomains), an optional port (none: any) and an optional path prefix.
/// </summary>
internal sealed record ServiceUrlPattern(string Scheme, string Host, bool Wildcard, int? Port, string PathPrefix)
{
    /// <summary>Parses <c>https://*.botframework.com</c>, <c>http://localhost:3978</c>, <c>https://host/path</c>.</summary>
    public static bool TryParse(string? text, out ServiceUrlPattern pattern)
    {
        pattern = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var wildcard = false;
        var candidate = text.Trim();
        var schemeEnd = candidate.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && candidate.AsSpan(schemeEnd + 3).StartsWith("*."))
        {
            // Uri does not take '*' in a host: parse the rest and remember the wildcard.
            wildcard = true;
            candidate = string.Concat(candidate.AsSpan(0, schemeEnd + 3), candidate.AsSpan(schemeEnd + 5));
        }

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        // A port written in the pattern must match; none written means any port.
        var authority = candidate[(schemeEnd + 3)..].Split('/', 2)[0];
        var explicitPort = authority.StartsWith('[') ? authority.Contains("]:", StringComparison.Ordinal) : authority.Contains(':', StringComparison.Ordinal);
        pattern = new ServiceUrlPattern(uri.Scheme, uri.IdnHost, wildcard, explicitPort ? uri.Port : null, uri.AbsolutePath.TrimEnd('/'));
        return true;
    }

    /// <summary>True when <paramref name="url"/> falls under this pattern.</summary>
    public bool Matches(Uri url)
    {
        if (!string.Equals(url.Scheme, Scheme, StringComparison.OrdinalIgnoreCase) || (Port is { } port && url.Port != port))
        {
            return false;
        }

        var host = url.IdnHost;
        var hostMatches = Wildcard
            ? host.EndsWith("." + Host, StringComparison.OrdinalIgnoreCase) && host.Length > Host.Length + 1
            : string.Equals(host, Host, StringComparison.OrdinalIgnoreCase);
        if (!hostMatches)
        {
            return false;
        }

        if (PathPrefix.Length == 0)
        {
            return true;
        }

        var path = url.AbsolutePath;
        return path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase)
            && (path.Length == PathPrefix.Length || path[PathPrefix.Length] == '/');
    }
}
