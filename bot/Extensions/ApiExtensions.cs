using Microsoft.Extensions.Options;
using SupportBot.Bot.Api;
using SupportBot.Connectors.BotService;

namespace SupportBot.Bot.Extensions;

/// <summary>Registers what the Bot Framework webhook needs: the <c>BotFramework</c> section and the Azure Bot Service channel.</summary>
public static class ApiExtensions
{
    /// <summary>
    /// Binds and validates <c>BotFramework</c> (a bad value stops the host naming the key), registers the Bot
    /// Service channel (token validation, Bot Connector client and sender) and <c>/api/messages</c>, and says at
    /// start which mode the webhook is in.
    /// </summary>
    public static IHostApplicationBuilder AddBotApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BotFrameworkOptions>()
            .Bind(builder.Configuration.GetSection(BotFrameworkOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddBotServiceChannel();
        services.AddSingleton<MessagesEndpoint>();
        services.AddHostedService<BotFrameworkModeReporter>();
        return builder;
    }

    /// <summary>Names each bad <c>BotFramework</c> key.</summary>
    private sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    /// <summary>Logs once at start how <c>/api/messages</c> authenticates; a warning for the open and the closed modes.</summary>
    private sealed class BotFrameworkModeReporter(IOptions<BotFrameworkOptions> options, ILoggerFactory loggerFactory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var logger = loggerFactory.CreateLogger(ApiLog.Category);
            var settings = options.Value;
            if (settings.RequiresAuthentication)
            {
                ApiLog.AuthenticatedMode(logger, settings.MicrosoftAppId, settings.MicrosoftAppType.ToString());
            }
            else if (settings.AllowUnauthenticated)
            {
                ApiLog.UnauthenticatedMode(logger);
            }
            else
            {
                ApiLog.ClosedMode(logger);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
