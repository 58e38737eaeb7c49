namespace SupportBot.Connectors.BotService;

/// <summary>
/// The <c>BotFramework</c> section of appsettings.json: the bot's identity with Azure Bot Service, named as
/// the Azure portal names it (PROTOCOLS.md §3). With an app id every call to <c>/api/messages</c> must carry a
/// valid Bot Framework token; without one every call is refused unless <see cref="AllowUnauthenticated"/> is
/// explicitly true.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>The public Bot Framework OpenID metadata (channel → bot tokens).</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of every token a Bot Framework channel sends.</summary>
    public const string ChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>The scope of the bot's own tokens for the Bot Connector.</summary>
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";

    /// <summary>The managed identity (IMDS) token endpoint on an Azure host.</summary>
    public const string DefaultManagedIdentityEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";

    /// <summary>
    /// The Bot Framework service hosts replies may go to when <see cref="AllowedServiceUrls"/> is not set:
    /// Teams (<c>smba.trafficmanager.net</c>, also for GCC) and every channel under <c>botframework.com</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAllowedServiceUrls =
    [
        "https://smba.trafficmanager.net",
        "https://*.botframework.com",
        "https://smba.infra.gcc.teams.microsoft.com",
    ];

    /// <summary>Where a bot in unauthenticated mode may also reply (the Bot Framework Emulator, local tests).</summary>
    public static readonly IReadOnlyList<string> LoopbackServiceUrls = ["http://localhost", "http://127.0.0.1", "http://[::1]"];

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>, as in the Azure Bot resource.</summary>
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    /// <summary>The app (client) id of the bot registration; empty means no Azure registration.</summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    /// <summary>The app's client secret (MultiTenant, SingleTenant). A secret: environment or user secrets only.</summary>
    public string MicrosoftAppPassword { get; set; } = string.Empty;

    /// <summary>The Microsoft Entra tenant of the app (SingleTenant, UserAssignedMSI).</summary>
    public string MicrosoftAppTenantId { get; set; } = string.Empty;

    /// <summary>Where the channel's signing keys are published (OpenID metadata naming a <c>jwks_uri</c>).</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>
    /// Where the bot gets its own tokens (client credentials). Empty: the Bot Framework tenant's endpoint for
    /// MultiTenant, the app's tenant's endpoint for SingleTenant.
    /// </summary>
    public string OAuthTokenEndpoint { get; set; } = string.Empty;

    /// <summary>The scope asked for with the bot's own tokens.</summary>
    public string OAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>The managed identity token endpoint (UserAssignedMSI).</summary>
    public string ManagedIdentityEndpoint { get; set; } = DefaultManagedIdentityEndpoint;

    /// <summary>
    /// With no app id, accept unauthenticated calls on <c>/api/messages</c> (local development, the Bot
    /// Framework Emulator). Off by default: a host is never open by accident. Ignored when an app id is set.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// The service URLs replies may be sent to: <c>scheme://host[:port][/path]</c>, a host may start with
    /// <c>*.</c> for its subdomains, no port means any port. Empty: <see cref="DefaultAllowedServiceUrls"/>.
    /// Loopback is added when unauthenticated mode is on.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>True when an app id is configured: every inbound call must carry a valid token.</summary>
    public bool RequiresAuthentication => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>True when calls are accepted without a token (no app id and explicitly allowed).</summary>
    public bool IsUnauthenticatedMode => !RequiresAuthentication && AllowUnauthenticated;

    /// <summary>The client-credential token endpoint in force.</summary>
    public string EffectiveOAuthTokenEndpoint => !string.IsNullOrWhiteSpace(OAuthTokenEndpoint)
        ? OAuthTokenEndpoint
        : MicrosoftAppType == MicrosoftAppType.SingleTenant
            ? $"https://login.microsoftonline.com/{Uri.EscapeDataString(MicrosoftAppTenantId)}/oauth2/v2.0/token"
            : "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>
    /// The token issuers accepted: the Bot Framework channels' always; for a single-tenant or managed-identity
    /// app also the app's own tenant (v1 and v2 tokens), as Azure Bot Service issues for those apps.
    /// </summary>
    public IReadOnlyList<string> ValidIssuers()
    {
        if (MicrosoftAppType == MicrosoftAppType.MultiTenant || string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            return [ChannelTokenIssuer];
        }

        return [ChannelTokenIssuer, $"https://sts.windows.net/{MicrosoftAppTenantId}/", $"https://login.microsoftonline.com/{MicrosoftAppTenantId}/v2.0"];
    }

    /// <summary>The problems with these settings, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var prefix = SectionName + ":";
        if (!Enum.IsDefined(MicrosoftAppType))
        {
            errors.Add($"{prefix}{nameof(MicrosoftAppType)} must be SingleTenant, MultiTenant or UserAssignedMSI.");
        }

        if (RequiresAuthentication)
        {
            if (MicrosoftAppType != MicrosoftAppType.UserAssignedMSI && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
            {
                errors.Add($"{prefix}{nameof(MicrosoftAppPassword)} is required for a {MicrosoftAppType} app (set it in the environment: BotFramework__MicrosoftAppPassword).");
            }

            if (MicrosoftAppType != MicrosoftAppType.MultiTenant && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            {
                errors.Add($"{prefix}{nameof(MicrosoftAppTenantId)} is required for a {MicrosoftAppType} app.");
            }

            CheckUrl(errors, prefix + nameof(OpenIdMetadataUrl), OpenIdMetadataUrl);
            CheckUrl(errors, prefix + nameof(OAuthTokenEndpoint), EffectiveOAuthTokenEndpoint);
            if (MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
            {
                CheckUrl(errors, prefix + nameof(ManagedIdentityEndpoint), ManagedIdentityEndpoint, allowPlainHttp: true);
            }
        }

        if (string.IsNullOrWhiteSpace(OAuthScope))
        {
            errors.Add($"{prefix}{nameof(OAuthScope)} must not be empty.");
        }

        for (var i = 0; i < AllowedServiceUrls.Count; i++)
        {
            if (!ServiceUrlPattern.TryParse(AllowedServiceUrls[i], out _))
            {
                errors.Add($"{prefix}{nameof(AllowedServiceUrls)}:{i} '{AllowedServiceUrls[i]}' is not a pattern like https://*.botframework.com or http://localhost:3978.");
            }
        }

        return errors;
    }

    private static void CheckUrl(List<string> errors, string key, string value, bool allowPlainHttp = false)
    {
        // Keys come over plain http only from this machine (tests, a local mirror); anything else must be https.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || allowPlainHttp))))
        {
            errors.Add($"{key} must be an absolute https URL (http only on loopback) (was '{value}').");
        }
    }
}

/// <summary>The kinds of app identity an Azure Bot resource can have.</summary>
public enum MicrosoftAppType
{
    MultiTenant = 0,
    SingleTenant = 1,
    UserAssignedMSI = 2,
}
