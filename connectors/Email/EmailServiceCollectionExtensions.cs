using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Email.Imap;
using SupportBot.Connectors.Email.Smtp;
using SupportBot.Connectors.Email.Threading;
using SupportBot.Core.Delivery;

namespace SupportBot.Connectors.Email;

/// <summary>Registers the email channel.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the IMAP watcher (a hosted service), the SMTP <see cref="IChannelSender"/> and the channel's
    /// records. Options (<see cref="EmailOptions"/>) are bound by the host; the runtime (adapter, bot,
    /// storage) must be registered.
    /// </summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<EmailStore>();
        services.AddSingleton(sp => new EmailThreading(sp.GetRequiredService<EmailStore>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value));
        services.AddSingleton<IEmailClientFactory, EmailClientFactory>();
        services.AddSingleton<EmailConnector>();
        services.AddSingleton<ImapWatcher>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<EmailSender>());
        services.AddHostedService<EmailWatcherService>();
        return services;
    }
}

/// <summary>Runs the IMAP watcher for as long as the host runs.</summary>
internal sealed class EmailWatcherService(ImapWatcher watcher) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => watcher.RunAsync(stoppingToken);
}
