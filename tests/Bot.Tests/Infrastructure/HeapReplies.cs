namespace SupportBot.Bot.Tests.Infrastructure;

/// <summary>
/// What the host tests check of the support conversation's replies: the step it is at, not its exact
/// wording (the empathy line varies by design).
/// </summary>
internal static class HeapReplies
{
    public const string RemedyQuestion = "What would make this right for you?";

    /// <summary>The opening: a greeting that asks what we can help with.</summary>
    public static void AssertGreeting(string? text) => Assert.EndsWith("What can I help you with today?", text);

    /// <summary>Hear: the story reflected back ("So …") with its key words, asking whether it is right.</summary>
    public static void AssertReflection(string? text, params string[] keyWords)
    {
        Assert.StartsWith("So ", text);
        Assert.EndsWith("right?", text);
        foreach (var word in keyWords)
        {
            Assert.Contains(word, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Lead: the open question, after the empathy line.</summary>
    public static void AssertRemedyQuestion(string? text) => Assert.Contains(RemedyQuestion, text);

    /// <summary>Provide: the chosen remedy confirmed.</summary>
    public static void AssertRemedyTaken(string? text, string remedy) => Assert.Contains(remedy, text, StringComparison.OrdinalIgnoreCase);
}
