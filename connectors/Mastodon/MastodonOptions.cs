using SupportBot.Connectors.Social.Http;

namespace SupportBot.Connectors.Mastodon;

/// <summary>Section <c>Channels:Mastodon</c>: the brand's Mastodon account (PROTOCOLS.md §7). Off unless <see cref="InstanceUrl"/> is set.</summary>
public sealed class MastodonOptions
{
    public const string SectionName = "Channels:Mastodon";

    /// <summary>The activity channel id.</summary>
    public const string ChannelId = "mastodon";

    /// <summary>The instance the account lives on, e.g. <c>https://mastodon.social</c>. Empty: the channel is off.</summary>
    public string? InstanceUrl { get; set; }

    /// <summary><b>Secret</b> (environment only): the account's access token (scopes <c>read:notifications read:accounts write:statuses</c>).</summary>
    public string? AccessToken { get; set; }

    /// <summary>How often to ask for new mentions.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Notifications per page (Mastodon's default 40, at most 80).</summary>
    public int PageSize { get; set; } = 40;

    /// <summary>The instance's status length limit (500 on most instances).</summary>
    public int MaxStatusLength { get; set; } = 500;

    /// <summary>
    /// On the very first start (no checkpoint yet) also answer the mentions already there; off, the first
    /// start only notes the newest one and answers what comes after.
    /// </summary>
    public bool AnswerExistingOnFirstStart { get; set; }

    /// <summary>Retries after a 5xx or a network failure.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay (doubling, jittered).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a call waits inline for a spent rate-limit window; longer, the poller sleeps and senders retry later.</summary>
    public TimeSpan MaxInlineWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the channel is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(InstanceUrl);

    /// <summary>The HTTP policy these options describe.</summary>
    public SocialHttpPolicy HttpPolicy => new() { MaxRetries = MaxRetries, RetryBaseDelay = RetryBaseDelay, MaxInlineWait = MaxInlineWait };

    /// <summary>Names every bad key; empty when valid (or when the channel is off).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled)
        {
            return errors;
        }

        if (!Uri.TryCreate(InstanceUrl, UriKind.Absolute, out var instance) || (instance.Scheme != Uri.UriSchemeHttps && !(instance.Scheme == Uri.UriSchemeHttp && instance.IsLoopback)))
        {
            errors.Add($"{SectionName}:InstanceUrl must be an absolute https URL (http only for loopback), e.g. https://mastodon.social.");
        }

        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            errors.Add($"{SectionName}:AccessToken is required when {SectionName}:InstanceUrl is set (set Channels__Mastodon__AccessToken in the environment).");
        }

        if (PollInterval < TimeSpan.FromSeconds(1) || PollInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"{SectionName}:PollInterval must be between 00:00:01 and 01:00:00.");
        }

        if (PageSize is < 1 or > 80)
        {
            errors.Add($"{SectionName}:PageSize must be between 1 and 80.");
        }

        if (MaxStatusLength is < 100 or > 100_000)
        {
            errors.Add($"{SectionName}:MaxStatusLength must be between 100 and 100000.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{SectionName}:MaxRetries must be between 0 and 10.");
        }

        return errors;
    }
}
