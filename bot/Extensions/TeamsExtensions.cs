using Microsoft.Extensions.Options;
using SupportBot.Connectors.BotService.Teams;

namespace SupportBot.Bot.Extensions;

/// <summary>Registers Microsoft Teams as an agent hub (the <c>Handoff:Teams</c> section).</summary>
public static class TeamsExtensions
{
    /// <summary>
    /// Binds and validates <see cref="TeamsOptions"/> (a bad value stops the host naming the key). When the
    /// section names a service URL and a channel, handoffs start threads there and the channel's traffic on
    /// <c>/api/messages</c> goes to the hub instead of the bot.
    /// </summary>
    public static IHostApplicationBuilder AddTeamsHub(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TeamsOptions.SectionName);
        builder.Services.AddOptions<TeamsOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        if (section.Get<TeamsOptions>() is { Enabled: true })
        {
            builder.Services.AddTeamsHub();
        }

        return builder;
    }

    private sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
    {
        public ValidateOptionsResult Validate(string? name, TeamsOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
