using System.Globalization;

namespace SupportBot.Bench;

/// <summary>The command line of <c>bench webchat</c>.</summary>
internal sealed record WebChatBenchmarkOptions(
    int Conversations,
    Uri? Url,
    TimeSpan ReplyTimeout,
    TimeSpan Deadline,
    TimeSpan ThinkTime,
    TimeSpan WarmUp)
{
    public const string Usage =
        "bench webchat [--conversations N] [--url http://127.0.0.1:5000] [--think-ms MS (a customer's mean pause between messages, jittered; default 1000, 0 = back-to-back saturation)] [--reply-timeout-seconds S] [--deadline-seconds S] [--warmup-seconds S]";

    /// <summary>
    /// A brisk customer: one second between reading a reply and sending the next message (people take
    /// several seconds to type one). With 0 every customer fires its next message the instant the reply
    /// lands, which measures the server's saturation throughput rather than what customers see.
    /// </summary>
    public const int DefaultThinkMs = 1000;

    public static WebChatBenchmarkOptions Parse(string[] args) => new(
        Conversations: Number(args, "--conversations", 500),
        Url: Text(args, "--url") is { } url ? new Uri(url.TrimEnd('/') + "/") : null,
        ReplyTimeout: TimeSpan.FromSeconds(Number(args, "--reply-timeout-seconds", 10)),
        Deadline: TimeSpan.FromSeconds(Number(args, "--deadline-seconds", 300)),
        ThinkTime: TimeSpan.FromMilliseconds(Number(args, "--think-ms", DefaultThinkMs)),
        WarmUp: TimeSpan.FromSeconds(Number(args, "--warmup-seconds", 5)));

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
