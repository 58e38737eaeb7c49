using System.ComponentModel.DataAnnotations;

namespace SupportBot.Core.Knowledge;

/// <summary>How the knowledge base ranks articles and when it declines to answer.</summary>
public sealed class KnowledgeBaseOptions
{
    /// <summary>
    /// The least <see cref="KnowledgeAnswer.Confidence"/> (share of the question's weighted content words
    /// found in the top article) for <see cref="IKnowledgeBase.SearchAsync"/> to answer. Default 0.6.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumConfidence { get; set; } = 0.6;

    /// <summary>Query weight of a match in the title, relative to the body (1). Default 3.</summary>
    [Range(0.1, 100.0)]
    public float TitleBoost { get; set; } = 3f;

    /// <summary>Query weight of a match in the front-matter keywords, relative to the body (1). Default 2.</summary>
    [Range(0.1, 100.0)]
    public float KeywordsBoost { get; set; } = 2f;

    /// <summary>
    /// Distinct words of a question taken into the query; the rest of a very long paste is ignored (it
    /// would not be a plain question anyway). Default 64.
    /// </summary>
    [Range(1, 300)]
    public int MaxQueryTerms { get; set; } = 64;
}
