using SupportBot.Connectors.Social.Http;

namespace SupportBot.Connectors.X;

/// <summary>Section <c>Channels:X</c>: the brand's X account over API v2 (PROTOCOLS.md §6). Off unless <see cref="Auth"/> is set.</summary>
public sealed class XOptions
{
    public const string SectionName = "Channels:X";

    /// <summary>The activity channel id.</summary>
    public const string ChannelId = "x";

    /// <summary>X's limit for a post, counted X's way.</summary>
    public const int PostLimit = 280;

    /// <summary>X's limit for a direct message.</summary>
    public const int DirectMessageLimit = 10_000;

    /// <summary>The API's base address (a test server in tests).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.x.com";

    /// <summary>
    /// <c>OAuth2</c> (user-context bearer with rotating refresh tokens) or <c>OAuth1</c> (HMAC-SHA1 signed
    /// requests with the account's access token). Empty: the channel is off.
    /// </summary>
    public string? Auth { get; set; }

    /// <summary>OAuth 2.0: the app's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary><b>Secret</b>, OAuth 2.0 confidential clients: the client secret (sent as HTTP Basic to the token endpoint).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// <b>Secret</b>, OAuth 2.0: the first refresh token (scopes incl. <c>offline.access</c>). Used only until
    /// the bot has rotated it once; from then on the newest one is kept in the bot's storage.
    /// </summary>
    public string? RefreshToken { get; set; }

    /// <summary>OAuth 2.0 token endpoint; empty: <c>{ApiBaseUrl}/2/oauth2/token</c>.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>OAuth 1.0a: the app's API key (consumer key).</summary>
    public string? ConsumerKey { get; set; }

    /// <summary><b>Secret</b>, OAuth 1.0a: the API key secret.</summary>
    public string? ConsumerSecret { get; set; }

    /// <summary><b>Secret</b>, OAuth 1.0a: the brand account's access token.</summary>
    public string? AccessToken { get; set; }

    /// <summary><b>Secret</b>, OAuth 1.0a: the access token secret.</summary>
    public string? AccessTokenSecret { get; set; }

    /// <summary>The brand account's numeric user id; empty: asked once with <c>GET /2/users/me</c>.</summary>
    public string? UserId { get; set; }

    /// <summary>How often to ask for new mentions (the app may read 450 pages per 15 min).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether private messages are read and answered too.</summary>
    public bool DirectMessages { get; set; } = true;

    /// <summary>How often to read direct messages (15 reads per 15 min are allowed).</summary>
    public TimeSpan DirectMessagePollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Mentions per page, 5…100 (<c>max_results</c>).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>First start without a checkpoint: answer the mentions already there (else only note the newest).</summary>
    public bool AnswerExistingOnFirstStart { get; set; }

    public int MaxRetries { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxInlineWait { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Auth);

    public bool UsesOAuth1 => string.Equals(Auth, "OAuth1", StringComparison.OrdinalIgnoreCase);

    public SocialHttpPolicy HttpPolicy => new() { MaxRetries = MaxRetries, RetryBaseDelay = RetryBaseDelay, MaxInlineWait = MaxInlineWait };

    public Uri TokenEndpoint => new(string.IsNullOrWhiteSpace(TokenUrl) ? ApiBaseUrl.TrimEnd('/') + "/2/oauth2/token" : TokenUrl);

    /// <summary>Names every bad key; empty when valid (or when the channel is off).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled)
        {
            return errors;
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && !(api.Scheme == Uri.UriSchemeHttp && api.IsLoopback)))
        {
            errors.Add($"{SectionName}:ApiBaseUrl must be an absolute https URL (http only for loopback).");
        }

        if (string.Equals(Auth, "OAuth2", StringComparison.OrdinalIgnoreCase))
        {
            Require(errors, ClientId, "ClientId");
            Require(errors, RefreshToken, "RefreshToken");
            if (!string.IsNullOrWhiteSpace(TokenUrl) && !Uri.TryCreate(TokenUrl, UriKind.Absolute, out _))
            {
                errors.Add($"{SectionName}:TokenUrl must be an absolute URL.");
            }
        }
        else if (UsesOAuth1)
        {
            Require(errors, ConsumerKey, "ConsumerKey");
            Require(errors, ConsumerSecret, "ConsumerSecret");
            Require(errors, AccessToken, "AccessToken");
            Require(errors, AccessTokenSecret, "AccessTokenSecret");
        }
        else
        {
            errors.Add($"{SectionName}:Auth must be OAuth2 or OAuth1 (or empty to turn the channel off).");
        }

        if (PageSize is < 5 or > 100)
        {
            errors.Add($"{SectionName}:PageSize must be between 5 and 100.");
        }

        if (PollInterval < TimeSpan.FromSeconds(1) || DirectMessagePollInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{SectionName}:PollInterval and DirectMessagePollInterval must be at least 00:00:01.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{SectionName}:MaxRetries must be between 0 and 10.");
        }

        return errors;
    }

    private static void Require(List<string> errors, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{SectionName}:{key} is required for this Auth mode (secrets go in the environment, e.g. Channels__X__{key}).");
        }
    }
}
