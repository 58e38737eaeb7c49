using System.Text;

namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>Turns the customer's first sentence round ("my app logs me out" → "your app logs you out") for a paraphrase.</summary>
internal static class Reflector
{
    public const int MaxChars = 160;

    private static readonly Dictionary<string, string> Swaps = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "you", ["me"] = "you", ["my"] = "your", ["mine"] = "yours", ["myself"] = "yourself",
        ["i'm"] = "you're", ["im"] = "you're", ["i've"] = "you've", ["i'd"] = "you'd", ["i'll"] = "you'll",
        ["am"] = "are", ["was"] = "was", ["we"] = "you", ["our"] = "your", ["us"] = "you",
        ["you"] = "we", ["your"] = "our",
    };

    /// <summary>The sentence holding <paramref name="focus"/> (the problem), else the first, turned round.</summary>
    public static string? Reflect(string input, int focus = -1)
    {
        var sentence = FirstSentence(SentenceAt(input, focus));
        if (sentence.Length == 0)
        {
            return null;
        }

        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder();
        var previous = string.Empty;
        foreach (var word in words)
        {
            var core = word.TrimEnd(',', ';', ':');
            var tail = word[core.Length..];
            var swapped = previous.Equals("i", StringComparison.OrdinalIgnoreCase) && core.Equals("was", StringComparison.OrdinalIgnoreCase) ? "were"
                : Swaps.TryGetValue(core, out var s) ? s : core;
            previous = core;
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(swapped).Append(tail);
            if (builder.Length > MaxChars)
            {
                builder.Append('…');
                break;
            }
        }

        var text = builder.ToString();
        return text.Length > 0 && char.IsUpper(text[0]) && !(text.Length > 1 && char.IsUpper(text[1])) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string SentenceAt(string input, int focus)
    {
        if (focus <= 0 || focus >= input.Length)
        {
            return input;
        }

        var start = input.AsSpan(0, focus).LastIndexOfAny(".!?\n") + 1;
        return input[start..];
    }

    private static string FirstSentence(string input)
    {
        var text = input.AsSpan().Trim();
        var end = text.IndexOfAny(".!?\n");
        if (end > 0)
        {
            text = text[..end];
        }

        // Leading greetings are not part of the story.
        var result = text.ToString().Trim();
        foreach (var greeting in (string[])["hi there", "hello there", "hello", "hi", "hey", "good morning", "good afternoon", "good evening"])
        {
            if (result.StartsWith(greeting, StringComparison.OrdinalIgnoreCase) && (result.Length == greeting.Length || !char.IsLetter(result[greeting.Length])))
            {
                result = result[greeting.Length..].TrimStart(' ', ',', '!', '-');
                break;
            }
        }

        return result;
    }
}
