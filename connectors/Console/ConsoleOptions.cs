namespace SupportBot.Connectors.Console;

/// <summary>How a console chat is addressed and shown.</summary>
public sealed class ConsoleOptions
{
    /// <summary>The channel id of every console activity.</summary>
    public const string ChannelId = "console";

    /// <summary>The conversation this console is attached to; a new one when empty.</summary>
    public string ConversationId { get; set; } = string.Empty;

    /// <summary>The customer's account id.</summary>
    public string UserId { get; set; } = "console-user";

    /// <summary>The bot's account id.</summary>
    public string BotId { get; set; } = "supportbot";

    /// <summary>
    /// True for a person at a terminal: replies are written as readable text. False for scripts and
    /// tests: every delivered activity is written as one line of Activity JSON.
    /// </summary>
    public bool Interactive { get; set; }
}
