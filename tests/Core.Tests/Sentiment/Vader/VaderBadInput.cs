namespace SupportBot.Core.Tests.Sentiment.Vader;

/// <summary>The bad-input list of issue 3 ("Bad input"), shared by the no-throw tests and the agreement test.</summary>
internal static class VaderBadInput
{
    public static readonly (string Name, string Text)[] Texts =
    [
        ("empty", string.Empty),
        ("whitespace", " \t\r\n\u00a0\u2003\ufeff "),
        ("one character", "!"),
        ("control characters", "\u0000\u0001 good \u0007\u001b[31m bad \u007f\u0085"),
        ("lone high surrogate", "good \ud83d service"),
        ("lone low surrogate", "\ude00 bad"),
        ("reversed surrogate pair", "\ude00\ud83d great"),
        ("emoji only", "\U0001F621\U0001F621\U0001F621"),
        ("emoji with skin tone and joiner", "\U0001F44D\U0001F3FD \U0001F468\u200D\U0001F469\u200D\U0001F467"),
        ("Cyrillic", "Это очень плохо, верните деньги!"),
        ("Chinese", "这个服务很好，谢谢！"),
        ("Arabic", "الخدمة سيئة جدا"),
        ("Hindi", "सेवा बहुत अच्छी है"),
        ("Turkish dotted capital I", "İYİ GOOD İ"),
        ("Kelvin sign", "o\u212a thanks"),
        ("mixed scripts", "Gut! good хорошо 好 :)"),
        ("100 KB", HundredKilobytes()),
        ("100 KB no spaces", new string('x', 100 * 1024)),
        ("100 KB of exclamations", new string('!', 100 * 1024)),
    ];

    private static string HundredKilobytes()
    {
        const string Sentence = "I have waited FOREVER for my refund and it is NOT okay!!! but the agent was kind :) ";
        var builder = new System.Text.StringBuilder(100 * 1024 + Sentence.Length);
        while (builder.Length < 100 * 1024)
        {
            builder.Append(Sentence);
        }

        return builder.ToString();
    }
}
