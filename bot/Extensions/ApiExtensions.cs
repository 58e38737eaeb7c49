using SupportBot.Bot.Api;

namespace SupportBot.Bot.Extensions;

/// <summary>Registers what the HTTP API needs.</summary>
public static class ApiExtensions
{
    /// <summary>Binds the <c>BotFramework</c> section.</summary>
    public static IHostApplicationBuilder AddBotApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotFrameworkOptions>()
            .Bind(builder.Configuration.GetSection(BotFrameworkOptions.SectionName));
        return builder;
    }
}
