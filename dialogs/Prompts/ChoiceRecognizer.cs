using System.Globalization;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Finds the choice an answer picks: its value or a synonym (any case), its 1-based number, or failing
/// those a partial match that fits exactly one choice ("replace" for "Replacement", "a refund please" for "Refund").
/// </summary>
internal static class ChoiceRecognizer
{
    /// <summary>Answers shorter than this are not matched partially: "re" fits too much.</summary>
    private const int MinPartialLength = 3;

    public static FoundChoice? Recognize(string? text, IList<Choice> choices)
    {
        var answer = AnswerText.Normalize(text);
        if (answer.IsEmpty || choices.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (IsExact(answer, choices[i]))
            {
                return new FoundChoice(choices[i].Value, i, 1.0);
            }
        }

        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return new FoundChoice(choices[number - 1].Value, number - 1, 1.0);
        }

        return FindUniquePartial(answer, choices);
    }

    private static bool IsExact(ReadOnlySpan<char> answer, Choice choice)
    {
        if (answer.Equals(choice.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (choice.Synonyms is { } synonyms)
        {
            for (var s = 0; s < synonyms.Count; s++)
            {
                if (answer.Equals(synonyms[s], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static FoundChoice? FindUniquePartial(ReadOnlySpan<char> answer, IList<Choice> choices)
    {
        var found = -1;
        var best = 0.0;
        for (var i = 0; i < choices.Count; i++)
        {
            var score = PartialScore(answer, choices[i].Value);
            if (choices[i].Synonyms is { } synonyms)
            {
                for (var s = 0; s < synonyms.Count; s++)
                {
                    score = Math.Max(score, PartialScore(answer, synonyms[s]));
                }
            }

            if (score > 0)
            {
                if (found >= 0)
                {
                    return null; // fits more than one choice: ask again rather than guess
                }

                found = i;
                best = score;
            }
        }

        return found >= 0 ? new FoundChoice(choices[found].Value, found, best) : null;
    }

    /// <summary>
    /// Above zero when the answer starts a word of the candidate ("call" in "Request a callback") or holds
    /// the whole candidate as words ("Refund" in "a refund please"): the share of the longer text matched.
    /// </summary>
    private static double PartialScore(ReadOnlySpan<char> answer, string candidate)
    {
        if (answer.Length >= MinPartialLength && answer.Length < candidate.Length && IndexOfWord(candidate, answer, wholeWord: false) >= 0)
        {
            return (double)answer.Length / candidate.Length;
        }

        if (candidate.Length < answer.Length && IndexOfWord(answer, candidate, wholeWord: true) >= 0)
        {
            return (double)candidate.Length / answer.Length;
        }

        return 0;
    }

    private static int IndexOfWord(ReadOnlySpan<char> text, ReadOnlySpan<char> word, bool wholeWord)
    {
        for (var start = 0; start <= text.Length - word.Length;)
        {
            var at = text[start..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            at += start;
            var end = at + word.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && (endsWord || !wholeWord))
            {
                return at;
            }

            start = at + 1;
        }

        return -1;
    }
}
