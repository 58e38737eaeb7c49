namespace SupportBot.Bot.Sentiment;

/// <summary>The <c>Sentiment</c> section of appsettings.json: which polarity provider scores messages.</summary>
public sealed class SentimentOptions
{
    public const string SectionName = "Sentiment";

    /// <summary><c>Embedded</c> (VADER, the default: no cloud call) or <c>AzureLanguage</c>.</summary>
    public string Provider { get; set; } = SentimentProviders.Embedded;
}

/// <summary>Values of <see cref="SentimentOptions.Provider"/>.</summary>
public static class SentimentProviders
{
    public const string Embedded = "Embedded";
    public const string AzureLanguage = "AzureLanguage";
}
