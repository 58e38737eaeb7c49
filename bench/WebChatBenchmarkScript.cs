namespace SupportBot.Bench;

/// <summary>
/// The HEAP conversation each benchmark customer holds (README: the chat verb's sample), with a word each
/// bot reply must contain: a reply without it means the dialog did not walk the script.
/// </summary>
internal static class WebChatBenchmarkScript
{
    public static readonly (string Says, string Expect)[] Turns =
    [
        ("hi", "welcome"),
        ("my order 4411 arrived with a cracked screen and I need it by Friday", "4411"),
        ("yes", "make this right"),
        ("Replacement", "replacement"),
        ("thanks", "welcome"),
    ];
}
