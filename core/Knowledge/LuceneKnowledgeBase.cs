using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace SupportBot.Core.Knowledge;

/// <summary>
/// The embedded knowledge base: the articles indexed in memory with Lucene.Net at start, ranked with
/// BM25 (on both the writer and the searcher, so norms and scoring agree). The question is never parsed
/// as query syntax: it is analysed into terms and each becomes a <see cref="TermQuery"/>, so quotes,
/// colons, AND/OR/NOT, wildcards and brackets are just characters.
/// </summary>
/// <remarks>
/// Confidence (see <see cref="KnowledgeAnswer.Confidence"/>) is the IDF-weighted share of the question's
/// terms that an article contains; of BM25's best five candidates, the best-covering one answers. A word the knowledge base has never seen weighs the most, so
/// off-topic, foreign-language and nonsense text scores low whatever Lucene's raw scores are.
/// Thread-safe; searches run concurrently.
/// </remarks>
public sealed class LuceneKnowledgeBase : IKnowledgeBase, IDisposable
{
    private const string SlugField = "slug";
    private const string TitleField = "title";
    private const string KeywordsField = "keywords";
    private const string BodyField = "body";
    private const int CandidatePool = 5;

    private readonly KnowledgeBaseOptions _options;
    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, KnowledgeArticle> _articles;
    private readonly Dictionary<string, HashSet<string>> _termsBySlug;
    private readonly Dictionary<string, int> _documentFrequency;

    private LuceneKnowledgeBase(IReadOnlyList<KnowledgeArticle> articles, KnowledgeBaseOptions options)
    {
        _options = options;
        _analyzer = KnowledgeAnalysis.CreateAnalyzer();
        _directory = new RAMDirectory();
        _articles = articles.ToDictionary(a => a.Slug, StringComparer.OrdinalIgnoreCase);
        _termsBySlug = articles.ToDictionary(
            a => a.Slug,
            a => KnowledgeAnalysis.Terms(_analyzer, $"{a.Title}\n{string.Join(", ", a.Keywords)}\n{a.Body}").ToHashSet(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
        _documentFrequency = _termsBySlug.Values.SelectMany(t => t)
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var config = new IndexWriterConfig(KnowledgeAnalysis.Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var article in articles)
            {
                writer.AddDocument(new Document
                {
                    new StringField(SlugField, article.Slug, Field.Store.YES),
                    new TextField(TitleField, article.Title, Field.Store.NO),
                    new TextField(KeywordsField, string.Join(", ", article.Keywords), Field.Store.NO),
                    new TextField(BodyField, article.Body, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Indexes <paramref name="articles"/> (slugs must be unique).</summary>
    public static LuceneKnowledgeBase Create(IEnumerable<KnowledgeArticle> articles, KnowledgeBaseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var list = articles.ToList();
        var duplicate = list.GroupBy(a => a.Slug, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two knowledge articles have the slug '{duplicate.Key}'.", nameof(articles));
        }

        return new LuceneKnowledgeBase(list, options ?? new KnowledgeBaseOptions());
    }

    /// <summary>Indexes the Markdown articles of <paramref name="folder"/> (see <see cref="KnowledgeArticles.LoadFolder"/>).</summary>
    public static LuceneKnowledgeBase FromFolder(string folder, KnowledgeBaseOptions? options = null) =>
        Create(KnowledgeArticles.LoadFolder(folder), options);

    /// <summary>Indexes the sample articles built into the assembly (see <see cref="KnowledgeArticles.LoadEmbedded"/>).</summary>
    public static LuceneKnowledgeBase FromEmbeddedSample(KnowledgeBaseOptions? options = null) =>
        Create(KnowledgeArticles.LoadEmbedded(), options);

    /// <summary>The number of articles indexed.</summary>
    public int Count => _articles.Count;

    /// <inheritdoc />
    public async Task<KnowledgeAnswer?> SearchAsync(string question, CancellationToken cancellationToken = default)
    {
        var best = await FindAsync(question, 1, cancellationToken).ConfigureAwait(false);
        return best is [{ IsConfident: true } answer] ? answer : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<KnowledgeAnswer>> FindAsync(string question, int maxResults = 3, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var terms = KnowledgeAnalysis.Terms(_analyzer, question ?? string.Empty, _options.MaxQueryTerms);
        if (terms.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<KnowledgeAnswer>>([]);
        }

        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            query.Add(new TermQuery(new Term(TitleField, term)) { Boost = _options.TitleBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(KeywordsField, term)) { Boost = _options.KeywordsBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(BodyField, term)), Occur.SHOULD);
        }

        // BM25 picks the candidates; among them the article covering more of the question wins, with BM25
        // breaking ties. A long article mentioning one rare word can outscore the one that answers.
        var hits = _searcher.Search(query, Math.Max(maxResults, CandidatePool)).ScoreDocs;
        var answers = hits
            .Select(hit =>
            {
                var article = _articles[_searcher.Doc(hit.Doc).Get(SlugField)];
                var confidence = Coverage(terms, _termsBySlug[article.Slug]);
                return (Score: hit.Score, Answer: new KnowledgeAnswer(
                    article.Slug, article.Title, article.Summary, article.FileName, confidence, confidence >= _options.MinimumConfidence));
            })
            .OrderByDescending(c => Math.Round(c.Answer.Confidence, 2))
            .ThenByDescending(c => c.Score)
            .Take(maxResults)
            .Select(c => c.Answer)
            .ToList();

        return Task.FromResult<IReadOnlyList<KnowledgeAnswer>>(answers);
    }

    /// <inheritdoc />
    public Task<KnowledgeArticle?> GetArticleAsync(string slug, CancellationToken cancellationToken = default) =>
        Task.FromResult(slug is not null && _articles.TryGetValue(slug, out var article) ? article : null);

    /// <summary>Disposes the index.</summary>
    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>
    /// IDF-weighted share of <paramref name="queryTerms"/> present in an article. IDF uses BM25's formula
    /// over the articles, so an unknown word (document frequency 0) weighs the most.
    /// </summary>
    private double Coverage(List<string> queryTerms, HashSet<string> articleTerms)
    {
        double total = 0, matched = 0;
        foreach (var term in queryTerms)
        {
            var weight = Idf(_documentFrequency.GetValueOrDefault(term));
            total += weight;
            if (articleTerms.Contains(term))
            {
                matched += weight;
            }
        }

        return total == 0 ? 0 : Math.Round(matched / total, 3);
    }

    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((_articles.Count - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}
