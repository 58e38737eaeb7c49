using System.Globalization;
using System.Text.Json;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Signals;
using SupportBot.Core.Sentiment.Vader;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace SupportBot.Bench;

/// <summary>
/// Messages per second through the embedded analyzer (VADER + customer-service signals), single-threaded,
/// on short chat messages, after a warm-up long enough for tiered JIT to settle. Also reports VADER alone
/// and the cost the signals layer adds per message.
/// </summary>
internal static class SentimentBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(4);

    /// <summary>Short messages as customers type them: calm, upset, questions, praise, emoji, caps.</summary>
    private static readonly string[] Messages =
    [
        "hi, where's my parcel?",
        "Can I change my delivery address please?",
        "thanks so much, that fixed it!",
        "the app keeps logging me out",
        "This is the third time I've asked. Where is my refund??",
        "I want to speak to a manager NOW",
        "oh brilliant, cancelled again 🙄",
        "do you deliver on Sundays?",
        "my screen arrived cracked, can I get a replacement?",
        "useless. absolutely useless.",
        "still no reply after 2 weeks",
        "What's the UPS tracking number for order 5521?",
        "love the new update 😍",
        "I'll be contacting my lawyer about this",
        "why was I charged twice?",
        "ok thanks 👍",
        "WHERE IS MY ORDER",
        "cancel my account, I'm switching to a competitor",
        "is there a student discount?",
        "f*** this, nobody ever answers",
        "Could you resend the invoice as a PDF?",
        "great, just great. another delay",
        "no rush, whenever you get a chance",
        "my password reset link doesn't work",
        "I'm not angry, just confused",
        "been on hold for 45 minutes!!!",
        "how do I return an item?",
        "you guys are the best, thank you!",
        "the tracking hasn't updated since Monday",
        "Is there a real person I can talk to?",
        "😡😡",
        "what are your opening hours?",
    ];

    public static int Run(string[] args)
    {
        var seconds = args.Length >= 2 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3.0;
        var analyzer = EmbeddedSentimentAnalyzer.Default;
        var vader = VaderAnalyzer.Default;
        var judge = UpsetJudge.Default;

        var clock = Stopwatch.StartNew();
        var sink = 0.0;
        while (clock.Elapsed < WarmUp)
        {
            sink += Pass(analyzer) + VaderPass(vader);
        }

        var full = Measure(() => Pass(analyzer), seconds, ref sink);
        var vaderOnly = Measure(() => VaderPass(vader), seconds, ref sink);
        var polarity = new Polarity(-0.3, 0.1, 0.6, 0.3, SentimentLabels.Negative);
        var signalsOnly = Measure(() => JudgePass(judge, polarity), seconds, ref sink);

        var line = new Dictionary<string, object>
        {
            ["benchmark"] = "sentiment",
            ["messagesPerSecond"] = Math.Round(full.PerSecond),
            ["bytesPerMessage"] = Math.Round(full.Bytes, 1),
            ["vaderMessagesPerSecond"] = Math.Round(vaderOnly.PerSecond),
            ["signalsNanosecondsPerMessage"] = Math.Round(1e9 / signalsOnly.PerSecond, 1),
            ["signalsBytesPerMessage"] = Math.Round(signalsOnly.Bytes, 1),
            ["messages"] = Messages.Length,
            ["averageChars"] = Math.Round(Messages.Average(m => m.Length), 1),
            ["threads"] = 1,
        };
        Console.WriteLine(JsonSerializer.Serialize(line));
        return sink == double.MinValue ? 1 : 0;
    }

    private static (double PerSecond, double Bytes) Measure(Func<double> pass, double seconds, ref double sink)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var passes = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 100; i++)
            {
                sink += pass();
            }

            passes += 100;
        }

        clock.Stop();
        var messages = passes * Messages.Length;
        return (messages / clock.Elapsed.TotalSeconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)messages);
    }

    private static double Pass(EmbeddedSentimentAnalyzer analyzer)
    {
        var sum = 0.0;
        foreach (var message in Messages)
        {
            sum += analyzer.Analyze(message).Intensity;
        }

        return sum;
    }

    private static double VaderPass(VaderAnalyzer vader)
    {
        var sum = 0.0;
        foreach (var message in Messages)
        {
            sum += vader.PolarityScores(message).Compound;
        }

        return sum;
    }

    private static double JudgePass(UpsetJudge judge, Polarity polarity)
    {
        var sum = 0.0;
        foreach (var message in Messages)
        {
            sum += judge.Judge(message, polarity).Intensity;
        }

        return sum;
    }
}
