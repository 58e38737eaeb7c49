namespace SupportBot.Core.Knowledge;

/// <summary>An article that answers a question, with the answer-first paragraph to quote.</summary>
/// <param name="Slug">The article's id: its file name without <c>.md</c>, e.g. <c>store-opening-hours</c>.</param>
/// <param name="Title">The article's title (its <c># …</c> heading).</param>
/// <param name="Answer">The article's answer-first paragraph, complete on its own.</param>
/// <param name="FileName">The article's file, e.g. <c>store-opening-hours.md</c>.</param>
/// <param name="Confidence">
/// 0–1: the share of the question's content words (weighted by how rare they are in the knowledge base)
/// that the article contains. Independent of Lucene's raw score scale.
/// </param>
/// <param name="IsConfident">Whether <paramref name="Confidence"/> reaches <see cref="KnowledgeBaseOptions.MinimumConfidence"/>.</param>
public sealed record KnowledgeAnswer(string Slug, string Title, string Answer, string FileName, double Confidence, bool IsConfident);
