namespace SupportBot.Bot.Cli;

/// <summary>The arguments of <c>chat [--conversation ID] [configuration overrides…]</c>.</summary>
internal sealed record ChatArguments(string? ConversationId, string[] HostArgs)
{
    public const string ConversationOption = "--conversation";

    /// <summary>Splits the verb's own option from the rest, which goes to configuration (e.g. <c>--Storage:Provider=Memory</c>).</summary>
    public static bool TryParse(IReadOnlyList<string> args, out ChatArguments parsed, out string? error)
    {
        string? conversationId = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == ConversationOption)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return Fail("--conversation needs an id: chat --conversation ID", out parsed, out error);
                }

                conversationId = args[++i];
            }
            else if (arg.StartsWith(ConversationOption + "=", StringComparison.Ordinal))
            {
                conversationId = arg[(ConversationOption.Length + 1)..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        if (conversationId is not null && (string.IsNullOrWhiteSpace(conversationId) || conversationId.Any(char.IsControl)))
        {
            return Fail("--conversation needs a non-empty id without control characters", out parsed, out error);
        }

        parsed = new ChatArguments(conversationId, [.. rest]);
        error = null;
        return true;
    }

    private static bool Fail(string message, out ChatArguments parsed, out string? error)
    {
        parsed = new ChatArguments(null, []);
        error = message;
        return false;
    }
}
