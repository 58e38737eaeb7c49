namespace SupportBot.Connectors.BotService.Teams;

/// <summary>
/// The <c>Handoff:Teams</c> section: the Teams channel where handoffs start threads. The Teams hub is on
/// when <see cref="ServiceUrl"/> and <see cref="ChannelId"/> are set; the bot's identity is
/// <c>BotFramework:MicrosoftAppId</c>.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Handoff:Teams";

    /// <summary>
    /// The Bot Connector service URL of the team's tenant (Teams sends it as <c>serviceUrl</c> on every
    /// activity, e.g. <c>https://smba.trafficmanager.net/emea/</c>).
    /// </summary>
    public string ServiceUrl { get; set; } = string.Empty;

    /// <summary>The support channel's id, <c>19:…@thread.tacv2</c> (Teams: channel → Get link to channel).</summary>
    public string ChannelId { get; set; } = string.Empty;

    /// <summary>The Microsoft Entra tenant id of the team.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>True when the section names a channel to post to.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(ServiceUrl) && !string.IsNullOrWhiteSpace(ChannelId);

    /// <summary>Problems with the values, each naming its key; empty when valid (or when the hub is off).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ServiceUrl) && string.IsNullOrWhiteSpace(ChannelId))
        {
            return errors;
        }

        if (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{SectionName}:ServiceUrl must be the absolute https URL of the Bot Connector service (e.g. https://smba.trafficmanager.net/emea/).");
        }

        if (string.IsNullOrWhiteSpace(ChannelId) || !ChannelId.StartsWith("19:", StringComparison.Ordinal))
        {
            errors.Add($"{SectionName}:ChannelId must be the Teams channel id, which starts with '19:' (e.g. 19:abc…@thread.tacv2).");
        }

        if (!string.IsNullOrWhiteSpace(TenantId) && !Guid.TryParse(TenantId, out _))
        {
            errors.Add($"{SectionName}:TenantId must be the tenant's GUID.");
        }

        return errors;
    }
}
