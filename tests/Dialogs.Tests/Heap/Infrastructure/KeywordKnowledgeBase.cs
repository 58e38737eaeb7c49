using SupportBot.Core.Knowledge;

namespace SupportBot.Dialogs.Tests.Heap.Infrastructure;

/// <summary>A knowledge base with fixed answers: a question matches an entry when it contains every keyword.</summary>
internal sealed class KeywordKnowledgeBase : IKnowledgeBase
{
    private static readonly (string[] Keywords, string Slug, string Title, string Answer)[] Articles =
    [
        (["opening", "hours"], "store-opening-hours", "Store opening hours", "Our stores are open Monday to Saturday, 9am to 6pm, and Sunday 11am to 4pm."),
        (["password"], "password-reset", "Resetting your password", "Choose \"Forgot password\" on the sign-in page and we'll email you a reset link that works for 30 minutes."),
        (["delivery", "take"], "delivery-times", "Delivery times", "Standard delivery takes 3–5 working days; express delivery arrives next working day if you order before 2pm."),
        (["late"], "late-delivery", "Where is my order?", "Most late parcels arrive within 2 working days of the estimate; your tracking link shows the courier's latest scan."),
        (["log in"], "sign-in-problems", "Can't sign in", "If you can't sign in, reset your password from the sign-in page; after 5 failed tries the account locks for 15 minutes."),
    ];

    public int Searches { get; private set; }

    public Task<KnowledgeAnswer?> SearchAsync(string question, CancellationToken cancellationToken = default)
    {
        Searches++;
        var lower = question.ToLowerInvariant();
        foreach (var (keywords, slug, title, answer) in Articles)
        {
            if (keywords.All(k => lower.Contains(k, StringComparison.Ordinal)))
            {
                return Task.FromResult<KnowledgeAnswer?>(new KnowledgeAnswer(slug, title, answer, slug + ".md", 1, true));
            }
        }

        return Task.FromResult<KnowledgeAnswer?>(null);
    }

    public async Task<IReadOnlyList<KnowledgeAnswer>> FindAsync(string question, int maxResults = 3, CancellationToken cancellationToken = default) =>
        await SearchAsync(question, cancellationToken) is { } hit ? [hit] : [];

    public Task<KnowledgeArticle?> GetArticleAsync(string slug, CancellationToken cancellationToken = default) => Task.FromResult<KnowledgeArticle?>(null);
}
