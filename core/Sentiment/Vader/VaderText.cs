using System.Buffers;

namespace SupportBot.Core.Sentiment.Vader;

/// <summary>
/// Character classes exactly as the package's JavaScript sees them: <c>/\s/</c> for splitting, its
/// punctuation regex (the 32 ASCII punctuation characters), <c>toLowerCase</c> for lexicon lookups.
/// </summary>
internal static class VaderText
{
    /// <summary>The characters of the package's <c>REGEX_REMOVE_PUNCTUATION</c>.</summary>
    public static readonly SearchValues<char> AsciiPunctuation =
        SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    /// <summary>
    /// JavaScript's <c>\s</c>: ASCII tab to carriage return and space, NBSP, U+1680, U+2000–U+200A, the
    /// line and paragraph separators, U+202F, U+205F, U+3000 and the BOM. Not .NET's
    /// <see cref="char.IsWhiteSpace(char)"/>, which differs (U+0085, no BOM).
    /// </summary>
    public static bool IsWhiteSpace(char c)
    {
        if (c <= ' ')
        {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }

        if (c < '\u00A0')
        {
            return false;
        }

        return c switch
        {
            '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
            _ => c >= '\u2000' && c <= '\u200A',
        };
    }

    public static bool IsAsciiPunctuation(char c) => c < 128 && AsciiPunctuation.Contains(c);

    /// <summary>
    /// Lower-cases one UTF-16 unit for a lexicon lookup with the outcome of JavaScript's
    /// <c>toLowerCase</c>: the lexicon's reachable keys are ASCII, and the only non-ASCII character whose
    /// JavaScript lower case is ASCII is the Kelvin sign (→ "k"). .NET maps a few others to ASCII (U+0130 →
    /// "i", where JavaScript gives "i̇"), so those are kept non-ASCII, and so never match, as in the package.
    /// </summary>
    public static char ToLowerForLookup(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        if (c == '\u212A')
        {
            return 'k';
        }

        var lower = char.ToLowerInvariant(c);
        return lower < 128 ? c : lower;
    }
}
