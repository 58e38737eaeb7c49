using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>Sorts a customer message into a <see cref="MessageKind"/> with fixed rules.</summary>
internal static partial class MessageClassifier
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    public static MessageKind Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return MessageKind.Empty;
        }

        var input = text.Length > FactExtractor.MaxChars ? text[..FactExtractor.MaxChars] : text.Trim();
        if (!input.Any(char.IsLetterOrDigit))
        {
            return MessageKind.EmojiOnly;
        }

        if (StartOverRegex().IsMatch(input))
        {
            return MessageKind.StartOver;
        }

        if (HelpRegex().IsMatch(input))
        {
            return MessageKind.Help;
        }

        if (LanguageGuess.IsOtherLanguage(input))
        {
            return MessageKind.OtherLanguage;
        }

        if (Words.LooksLikeGibberish(input))
        {
            return MessageKind.Gibberish;
        }

        var facts = FactExtractor.Extract(input);
        if (facts.OrderNumber is null && facts.TicketId is null && HowToRegex().IsMatch(input))
        {
            return MessageKind.Question; // "how do I reset my password?" asks for an answer, not a case
        }

        if (facts.IssueType is null)
        {
            if (GreetingRegex().IsMatch(input))
            {
                return MessageKind.Greeting;
            }

            if (ThanksRegex().IsMatch(input))
            {
                return MessageKind.Thanks;
            }

            if (PraiseRegex().IsMatch(input) && !ComplaintRegex().IsMatch(input))
            {
                return MessageKind.Praise;
            }

            if (ThanksWordRegex().IsMatch(input) && input.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 10)
            {
                return MessageKind.Thanks;
            }

            if (facts.OrderNumber is null && facts.TicketId is null && facts.Want is null && IsQuestion(input))
            {
                return MessageKind.Question;
            }
        }

        return MessageKind.Story;
    }

    /// <summary>A greeting at the start of a longer message ("hi, my parcel …").</summary>
    public static bool StartsWithGreeting(string text) => GreetingStartRegex().IsMatch(text);

    private static bool IsQuestion(string input) =>
        input.TrimEnd().EndsWith('?') || QuestionStartRegex().IsMatch(input);

    [GeneratedRegex(@"^\s*(?:start over|start again|restart|reset|begin again|let'?s start over|new question|cancel that|never ?mind)\s*[.!]*\s*$", Options)]
    private static partial Regex StartOverRegex();

    [GeneratedRegex(@"^\s*(?:help|help me|\?|what can you do|what do you do|how does this work|menu|options)\s*[?.!]*\s*$", Options)]
    private static partial Regex HelpRegex();

    [GeneratedRegex(@"^\s*(?:hi|hii+|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings)(?:\s+(?:there|all|team|support|supportbot|bot))?\s*[!.,]*\s*(?:how are you\??)?\s*$", Options)]
    private static partial Regex GreetingRegex();

    [GeneratedRegex(@"^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening))\b", Options)]
    private static partial Regex GreetingStartRegex();

    [GeneratedRegex(@"^\s*(?:(?:ok(?:ay)?|great|perfect|cool|brilliant|awesome|lovely|excellent)[,!. ]*)?(?:thanks|thank you|thx|ty|cheers|many thanks|that'?s all|that is all|no thanks|nothing else|all good|bye|goodbye)\b[^?]*$", Options)]
    private static partial Regex ThanksRegex();

    [GeneratedRegex(@"\b(?:thanks|thank you|thx|cheers|that'?s all|that is all|nothing else|that'?s it|i'?m good|all sorted)\b", Options)]
    private static partial Regex ThanksWordRegex();

    [GeneratedRegex(@"\b(?:love|loved|great|amazing|awesome|fantastic|excellent|brilliant|superb|impressed|well done|good job|5 stars|five stars|best|quick delivery|fast delivery|super fast|so fast|perfect|happy with|delighted)\b", Options)]
    private static partial Regex PraiseRegex();

    [GeneratedRegex(@"\b(?:not|never|no|but|however|problem|issue|wrong|broken|late|missing|refund|worst|terrible|awful)\b", Options)]
    private static partial Regex ComplaintRegex();

    [GeneratedRegex(@"^\s*(?:how do i|how can i|how to|how long|how much|where can i|what are|what is|what's|when are|when do|when does|do you|can i|is there|are you)\b", Options)]
    private static partial Regex HowToRegex();

    [GeneratedRegex(@"^\s*(?:what|when|where|which|who|how|why|do you|does|did|can i|can you|could you|is there|are there|is it|are you|will|should i|may i)\b", Options)]
    private static partial Regex QuestionStartRegex();

    internal static string Lower(string text) => text.ToLower(CultureInfo.InvariantCulture);
}
