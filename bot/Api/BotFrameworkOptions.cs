namespace SupportBot.Bot.Api;

/// <summary>The <c>BotFramework</c> section of appsettings.json: the bot's identity with the Bot Framework.</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>
    /// The Microsoft app id of the bot registration. Empty (the default) means local use without
    /// authentication. Once set, <c>/api/messages</c> accepts only authenticated callers.
    /// </summary>
    public string MicrosoftAppId { get; set; } = string.Empty;
}
