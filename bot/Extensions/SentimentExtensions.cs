using Microsoft.Extensions.Options;
using SupportBot.Bot.Sentiment;
using SupportBot.Bot.Storage;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.AzureLanguage;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Bot.Extensions;

/// <summary>
/// Registers sentiment: the polarity provider named by <c>Sentiment:Provider</c> (embedded VADER, or Azure
/// AI Language falling back to VADER), the analyzer with the customer-service signals on top, the
/// escalation policy (<c>Escalation</c> section) and the middleware that scores every customer message.
/// </summary>
public static class SentimentExtensions
{
    public const string AzureHttpClientName = "AzureLanguage";

    public static IHostApplicationBuilder AddSentiment(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SentimentOptions>()
            .Bind(builder.Configuration.GetSection(SentimentOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<AzureLanguageOptions>()
            .Bind(builder.Configuration.GetSection(AzureLanguageOptions.SectionName))
            .ValidateOnStart();
        services.AddOptions<EscalationOptions>()
            .Bind(builder.Configuration.GetSection(EscalationOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SentimentOptions>, SentimentOptionsValidator>();
        services.AddSingleton<IValidateOptions<AzureLanguageOptions>, AzureLanguageOptionsValidator>();
        services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();

        services.AddHttpClient(AzureHttpClientName);
        services.AddSingleton<VaderPolarityProvider>();
        services.AddSingleton<IPolarityProvider>(sp =>
        {
            var vader = sp.GetRequiredService<VaderPolarityProvider>();
            if (!IsAzure(sp.GetRequiredService<IOptions<SentimentOptions>>().Value))
            {
                return vader;
            }

            return new AzureLanguagePolarityProvider(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(AzureHttpClientName),
                sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value,
                vader,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AzureLanguagePolarityProvider>>());
        });
        services.AddSingleton<ISentimentAnalyzer>(sp => new EmbeddedSentimentAnalyzer(sp.GetRequiredService<IPolarityProvider>()));
        services.AddSingleton(sp => new EscalationPolicy(sp.GetRequiredService<IOptions<EscalationOptions>>().Value));
        services.AddSingleton<SupportBot.Core.Turns.IMiddleware, SentimentMiddleware>();
        return builder;
    }

    internal static bool IsAzure(SentimentOptions options) =>
        StorageOptionsValidator.IsProvider(options.Provider, SentimentProviders.AzureLanguage);

    /// <summary>Fails start on an unknown provider.</summary>
    private sealed class SentimentOptionsValidator : IValidateOptions<SentimentOptions>
    {
        public ValidateOptionsResult Validate(string? name, SentimentOptions options) =>
            StorageOptionsValidator.IsProvider(options.Provider, SentimentProviders.Embedded) || IsAzure(options)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Sentiment:Provider must be '{SentimentProviders.Embedded}' or '{SentimentProviders.AzureLanguage}' (was '{options.Provider}').");
    }

    /// <summary>Checks the Azure settings only when Azure is the provider.</summary>
    /// <remarks>Reads the provider from configuration, not IOptions: a bad provider must be reported once, by its own validator.</remarks>
    private sealed class AzureLanguageOptionsValidator(IConfiguration configuration) : IValidateOptions<AzureLanguageOptions>
    {
        public ValidateOptionsResult Validate(string? name, AzureLanguageOptions options)
        {
            var provider = configuration[$"{SentimentOptions.SectionName}:{nameof(SentimentOptions.Provider)}"] ?? SentimentProviders.Embedded;
            if (!IsAzure(new SentimentOptions { Provider = provider }))
            {
                return ValidateOptionsResult.Success;
            }

            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    /// <summary>Names each bad <c>Escalation</c> key.</summary>
    private sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
    {
        public ValidateOptionsResult Validate(string? name, EscalationOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
