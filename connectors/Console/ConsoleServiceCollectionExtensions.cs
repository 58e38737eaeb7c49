using Microsoft.Extensions.DependencyInjection;
using SupportBot.Connectors.Console.Client;
using SupportBot.Core.Delivery;

namespace SupportBot.Connectors.Console;

/// <summary>Registers the console channel.</summary>
public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ConsoleConnector"/> and its <see cref="ConsoleSender"/> (as an
    /// <see cref="IChannelSender"/>) for the conversation in <paramref name="options"/>.
    /// </summary>
    public static IServiceCollection AddConsoleChannel(this IServiceCollection services, ConsoleIo io, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConversationId);
        services.AddSingleton(io);
        services.AddSingleton(options);
        services.AddSingleton<ConsoleSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<ConsoleSender>());
        services.AddSingleton<ConsoleConnector>();
        return services;
    }
}
