namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>
/// Spots messages not written in English: non-Latin scripts, or common words of the big European
/// languages outnumbering English ones. Good enough to answer politely instead of misunderstanding.
/// </summary>
internal static class LanguageGuess
{
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "is", "my", "i", "it", "to", "a", "of", "in", "was", "not", "you", "have", "has", "with", "for", "this", "that", "order", "please", "hello", "hi", "thanks", "what", "where", "when", "how", "can",
    };

    private static readonly HashSet<string> Foreign = new(StringComparer.OrdinalIgnoreCase)
    {
        // Spanish, French, German, Italian, Portuguese, Dutch
        "el", "la", "los", "las", "es", "y", "mi", "pedido", "hola", "gracias", "por", "favor", "que", "está", "roto", "llegó", "una", "un", "con",
        "le", "les", "est", "et", "mon", "ma", "commande", "bonjour", "merci", "je", "pas", "cassé", "arrivé", "avec", "une", "des",
        "der", "die", "das", "ist", "und", "meine", "mein", "bestellung", "hallo", "danke", "nicht", "kaputt", "ich", "angekommen", "mit",
        "il", "è", "ordine", "ciao", "grazie", "rotto", "arrivato", "meu", "pedido", "obrigado", "olá", "chegou", "quebrado",
        "het", "een", "mijn", "bestelling", "dank", "niet", "kapot",
    };

    public static bool IsOtherLanguage(string input)
    {
        var letters = input.Where(char.IsLetter).ToList();
        if (letters.Count >= 3 && letters.Count(c => c > '\u024F') * 2 > letters.Count)
        {
            return true; // mostly Cyrillic, Greek, CJK, Arabic …
        }

        var tokens = input.Split((char[])[' ', ',', '.', '!', '?', ';', ':', '¿', '¡'], StringSplitOptions.RemoveEmptyEntries);
        var english = tokens.Count(English.Contains);
        var foreign = tokens.Count(t => Foreign.Contains(t) && !English.Contains(t));
        return foreign >= 2 && foreign > english;
    }
}
