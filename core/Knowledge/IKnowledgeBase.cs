namespace SupportBot.Core.Knowledge;

/// <summary>
/// Answers customer questions from the support articles. Implementations treat the question as untrusted
/// text: any characters, any length, any language; nothing in it is query syntax.
/// </summary>
public interface IKnowledgeBase
{
    /// <summary>
    /// The article that answers <paramref name="question"/>, or <see langword="null"/> when no article
    /// matches confidently enough to put in front of a customer (nonsense, another language, off-topic).
    /// </summary>
    Task<KnowledgeAnswer?> SearchAsync(string question, CancellationToken cancellationToken = default);

    /// <summary>
    /// The best-ranked candidates with their confidence, including weak ones, best first; for "did you
    /// mean" suggestions and diagnostics. Check <see cref="KnowledgeAnswer.IsConfident"/> before quoting one.
    /// </summary>
    Task<IReadOnlyList<KnowledgeAnswer>> FindAsync(string question, int maxResults = 3, CancellationToken cancellationToken = default);

    /// <summary>The article with <paramref name="slug"/> (its file name without <c>.md</c>), or null.</summary>
    Task<KnowledgeArticle?> GetArticleAsync(string slug, CancellationToken cancellationToken = default);
}
