using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Social;
using SupportBot.Connectors.Email;
using SupportBot.Connectors.Mastodon;
using SupportBot.Connectors.Social;
using SupportBot.Connectors.X;
using SupportBot.Core.Support;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Bot.Extensions;

/// <summary>Social channels (issue 8): <c>Channels:Mastodon</c> and <c>Channels:X</c>, each off unless configured.</summary>
public static class SocialExtensions
{
    /// <summary>
    /// Binds and validates both sections (a bad value stops the host naming the key) and registers each
    /// configured channel: its client, poller and sender, and the shared social services.
    /// </summary>
    public static IHostApplicationBuilder AddSocialChannels(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var mastodon = builder.Configuration.GetSection(MastodonOptions.SectionName);
        services.AddOptions<MastodonOptions>().Bind(mastodon).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MastodonOptions>>(new Validator<MastodonOptions>(o => o.Validate()));
        if (mastodon.Get<MastodonOptions>() is { Enabled: true })
        {
            AddShared(builder);
            services.AddMastodonChannel();
        }

        var x = builder.Configuration.GetSection(XOptions.SectionName);
        services.AddOptions<XOptions>().Bind(x).ValidateOnStart();
        services.AddSingleton<IValidateOptions<XOptions>>(new Validator<XOptions>(o => o.Validate()));
        if (x.Get<XOptions>() is { Enabled: true })
        {
            AddShared(builder);
            services.AddXChannel();
        }

        return builder;
    }

    private static void AddShared(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<ICustomerService>(sp => sp.GetRequiredService<SupportServices>().Customers);
        // Account linking mails its one-time codes through the email channel's SMTP server when there is one.
        if (builder.Configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() is { Enabled: true })
        {
            services.TryAddSingleton<IOneTimeCodeMailer, SmtpCodeMailer>();
        }

        services.AddSocialCore();
    }

    /// <summary>Names each bad key of a section.</summary>
    private sealed class Validator<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
