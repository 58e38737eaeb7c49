namespace SupportBot.Dialogs.Prompts;

/// <summary>Cleans a typed answer before matching: surrounding white space and punctuation do not count.</summary>
internal static class AnswerText
{
    private static readonly char[] Trimmed = [' ', '\t', '\r', '\n', '.', '!', '?', ',', ';', ':', '"', '\'', '(', ')'];

    public static ReadOnlySpan<char> Normalize(string? text) => Normalize(text.AsSpan());

    public static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> text) => text.Trim(Trimmed);

    /// <summary>The first word of <paramref name="text"/> (up to a space or comma), itself normalised.</summary>
    public static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(' ', ',');
        return end < 0 ? text : text[..end].Trim(Trimmed);
    }
}
