using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace SupportBot.Core.Knowledge;

/// <summary>
/// English analysis shared by indexing and querying: standard tokenizer, lower case, stop words, Porter
/// stemming. The stop list adds the words of how customers ask ("how do I", "can you", "my") to Lucene's
/// English list, so they neither rank articles nor count toward confidence.
/// </summary>
internal static class KnowledgeAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly string[] QuestionWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
        "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
        "will", "with", "i", "i'm", "im", "me", "my", "mine", "myself", "you", "your", "yours", "we", "our", "us",
        "he", "she", "his", "her", "him", "them", "its", "it's", "do", "does", "did", "done", "doing", "can",
        "could", "would", "should", "shall", "may", "might", "must", "have", "has", "had", "having", "am", "been",
        "being", "were", "what", "when", "where", "which", "who", "whom", "whose", "why", "how", "hi", "hello",
        "hey", "please", "thanks", "thank", "ok", "okay", "yes", "so", "just", "also", "too", "very", "really",
        "about", "from", "up", "out", "any", "some", "all", "there's", "here", "get", "got", "want", "wanted",
        "need", "needs", "know", "tell", "let", "like", "would", "there", "than", "still", "yet", "again", "one",
        "dont", "don't", "cant", "can't", "won't", "isn't", "didn't", "doesn't", "haven't", "hasn't", "now",
        "much", "many", "today", "tonight", "currently", "ever", "anyone", "someone", "something", "anything",
        "thing", "things", "way", "guys", "lot", "bit", "maybe", "actually", "already", "going",
    ];

    public static CharArraySet StopWords { get; } = new(Version, QuestionWords, ignoreCase: true);

    public static Analyzer CreateAnalyzer() => new EnglishAnalyzer(Version, StopWords);

    /// <summary>
    /// The distinct analysed terms of <paramref name="text"/> in order of first appearance, at most
    /// <paramref name="max"/>; numbers (order numbers, amounts) are left out, they name no topic.
    /// </summary>
    public static List<string> Terms(Analyzer analyzer, string text, int max = int.MaxValue)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream("body", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (terms.Count < max && stream.IncrementToken())
        {
            var value = term.ToString();
            if (!value.All(char.IsAsciiDigit) && seen.Add(value))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }
}
