namespace SupportBot.Core.Sentiment.AzureLanguage;

/// <summary>
/// Fits texts into the service limits of PROTOCOLS.md §8: 5,120 characters per document, 10 documents
/// and 1 MB per request.
/// </summary>
internal static class DocumentBatcher
{
    /// <summary>Longest document, counted in UTF-16 code units (the stricter reading of "characters").</summary>
    public const int MaxDocumentLength = 5_120;

    public const int MaxDocumentsPerRequest = 10;

    /// <summary>1 MB, read as the smaller decimal megabyte.</summary>
    public const int MaxRequestBytes = 1_000_000;

    // Worst case of one UTF-16 code unit in JSON (a "\uXXXX" escape), and the envelope around the
    // documents and around each document; used to bound the request size without serialising twice.
    private const int MaxBytesPerCodeUnit = 6;
    private const int RequestOverheadBytes = 256;
    private const int DocumentOverheadBytes = 64;

    /// <summary>
    /// The text as sent: cut to <see cref="MaxDocumentLength"/> without splitting a surrogate pair, and
    /// with lone surrogates replaced by U+FFFD so the body is valid UTF-8. Length is preserved otherwise,
    /// so Azure's Utf16CodeUnit offsets still index the original text.
    /// </summary>
    public static string Prepare(string text)
    {
        var length = text.Length;
        if (length > MaxDocumentLength)
        {
            length = char.IsHighSurrogate(text[MaxDocumentLength - 1]) && char.IsLowSurrogate(text[MaxDocumentLength])
                ? MaxDocumentLength - 1
                : MaxDocumentLength;
        }

        var span = text.AsSpan(0, length);
        if (!HasLoneSurrogate(span))
        {
            return length == text.Length ? text : span.ToString();
        }

        return ReplaceLoneSurrogates(span);
    }

    /// <summary>Splits documents into requests of at most <paramref name="maxDocuments"/> and about <paramref name="maxBytes"/> each, keeping order.</summary>
    public static List<List<PendingDocument>> Batch(
        IReadOnlyList<PendingDocument> documents,
        string language,
        int maxDocuments = MaxDocumentsPerRequest,
        int maxBytes = MaxRequestBytes)
    {
        var batches = new List<List<PendingDocument>>();
        var current = new List<PendingDocument>();
        var bytes = RequestOverheadBytes;
        foreach (var document in documents)
        {
            var size = EstimateBytes(document, language);
            if (current.Count > 0 && (current.Count == maxDocuments || bytes + size > maxBytes))
            {
                batches.Add(current);
                current = [];
                bytes = RequestOverheadBytes;
            }

            current.Add(document);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>The document id: its index in the caller's list, so answers are matched back by id.</summary>
    public static string IdOf(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An upper bound of the document's size in the JSON body.</summary>
    internal static int EstimateBytes(PendingDocument document, string language) =>
        DocumentOverheadBytes + (MaxBytesPerCodeUnit * (document.Text.Length + language.Length + IdOf(document.Index).Length));

    private static bool HasLoneSurrogate(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReplaceLoneSurrogates(ReadOnlySpan<char> span)
    {
        var chars = span.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
