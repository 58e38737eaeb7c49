using Microsoft.Extensions.Options;
using SupportBot.Connectors.Email;

namespace SupportBot.Bot.Extensions;

/// <summary>The email channel (issue 7, PROTOCOLS.md §5), section <c>Channels:Email</c>; off until an IMAP host is set.</summary>
public static class EmailExtensions
{
    /// <summary>
    /// Binds and validates <c>Channels:Email</c> (a bad value stops the host naming the key) and, when the
    /// section names an IMAP host, registers the IMAP watcher and the SMTP sender. Without it the host starts
    /// as before.
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(EmailOptions.SectionName);
        builder.Services.AddOptions<EmailOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        if (section.Get<EmailOptions>() is { Enabled: true })
        {
            builder.Services.AddEmailChannel();
        }

        return builder;
    }

    /// <summary>Names each bad <c>Channels:Email</c> key.</summary>
    private sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
