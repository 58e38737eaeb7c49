namespace SupportBot.Dialogs.Prompts;

/// <summary>Understands yes/no answers in English, case-insensitively.</summary>
internal static class ConfirmRecognizer
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Yes = Lookup(
        "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "ok", "okay", "k", "true", "correct", "right",
        "affirmative", "absolutely", "definitely", "certainly", "of course", "please", "yes please", "sounds good",
        "go ahead", "that's right", "that is right", "exactly", "👍");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> No = Lookup(
        "no", "n", "nope", "nah", "no thanks", "no thank you", "false", "not really", "negative", "never",
        "wrong", "incorrect", "not now", "don't", "do not", "👎");

    /// <summary>True for yes, false for no, null when the answer is neither.</summary>
    public static bool? Recognize(string? text)
    {
        var answer = AnswerText.Normalize(text);
        if (answer.IsEmpty)
        {
            return null;
        }

        // The whole answer first ("no thanks"), then its first word ("yes, that's it").
        return Match(answer) ?? Match(AnswerText.FirstWord(answer));
    }

    private static bool? Match(ReadOnlySpan<char> answer) =>
        Yes.Contains(answer) ? true : No.Contains(answer) ? false : null;

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
