namespace SupportBot.Connectors.Console.Client;

/// <summary>
/// The console's two streams. Production uses standard input and output; tests pass a
/// <see cref="StringReader"/> and <see cref="StringWriter"/>.
/// </summary>
public sealed class ConsoleIo(TextReader input, TextWriter output)
{
    /// <summary>Customer messages, one per line.</summary>
    public TextReader Input { get; } = input;

    /// <summary>Where the bot's activities go; nothing else may be written here in JSON mode.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Standard input and output.</summary>
    public static ConsoleIo Standard() => new(System.Console.In, System.Console.Out);
}
