using SupportBot.Bot.Api;
using SupportBot.Bot.Cli;
using SupportBot.Bot.Extensions;

if (ChatCommand.IsInvoked(args))
{
    return await ChatCommand.RunAsync(args);
}

if (SentimentCommand.IsInvoked(args))
{
    return await SentimentCommand.RunAsync(args);
}

if (HashPasswordCommand.IsInvoked(args))
{
    return await HashPasswordCommand.RunAsync(args);
}

await Program.BuildWebApp(args).RunAsync();
return 0;

/// <summary>The SupportBot host: the web endpoints by default, the console channel with the <c>chat</c> verb.</summary>
public partial class Program
{
    /// <summary>Composes the web host; tests pass <paramref name="configure"/> to override settings.</summary>
    internal static WebApplication BuildWebApp(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(BotHostDefaults.WebOptions(args));
        configure?.Invoke(builder);
        builder.AddBotStorage();
        builder.AddBotRuntime();
        builder.AddOutboxDelivery();
        builder.AddBotApi();
        builder.AddTeamsHub();
        builder.AddHealth();
        builder.AddDirectLine();
        builder.AddAgentDesk();
        builder.AddSocialChannels();
        builder.AddEmail();

        var app = builder.Build();
        app.MapBotApi();
        app.UseBotMetrics();
        app.MapDirectLine();
        app.MapAgentDesk();
        app.MapWebChat();
        app.MapHealth();
        app.MapBotMetrics();
        app.LogListeningAddresses();
        return app;
    }
}
