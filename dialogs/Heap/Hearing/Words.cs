namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>Tells words from keyboard mashing: a message whose letters form no plausible word is gibberish.</summary>
internal static class Words
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "i", "ok", "no", "yes", "my", "me", "it", "is", "to", "the", "hi", "hey", "an", "on", "in", "at", "of", "or", "so", "we", "us", "do", "go", "up", "by",
    };

    /// <summary>True when no token is a short common word and none looks pronounceable.</summary>
    public static bool LooksLikeGibberish(string input)
    {
        var tokens = input.Split((char[])[' ', '\t', '\n', '\r', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        var letters = 0;
        var plausible = 0;
        foreach (var token in tokens)
        {
            if (token.Any(char.IsDigit))
            {
                return false; // an order number or an amount: not gibberish
            }

            if (!token.Any(char.IsLetter))
            {
                continue;
            }

            letters++;
            if (Common.Contains(token) || IsPronounceable(token))
            {
                plausible++;
            }
        }

        return letters > 0 && plausible * 2 < letters;
    }

    private static bool IsPronounceable(string token)
    {
        var word = token.ToLowerInvariant();
        if (word.Length > 20)
        {
            return false;
        }

        var vowels = 0;
        var run = 0;
        var maxRun = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                run = 0;
                continue;
            }

            if ("aeiouy".Contains(c))
            {
                vowels++;
                run = 0;
            }
            else
            {
                run++;
                maxRun = Math.Max(maxRun, run);
            }
        }

        // "asdf", "qwrt", "jkl": no vowel, or four consonants in a row ("strengths" has four: allowed at five letters+).
        return vowels > 0 && maxRun < 4 && !KeyboardRun(word);
    }

    private static bool KeyboardRun(string word) =>
        word.Length >= 4 && ("qwertyuiop".Contains(word, StringComparison.Ordinal) || "asdfghjkl".Contains(word, StringComparison.Ordinal) || "zxcvbnm".Contains(word, StringComparison.Ordinal));
}
