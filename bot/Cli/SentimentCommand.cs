using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SupportBot.Core.Sentiment;

namespace SupportBot.Bot.Cli;

/// <summary>
/// <c>sentiment [--eval]</c>: scores standard input line by line, without Kestrel. A line is plain text or a
/// TSV row <c>label&lt;TAB&gt;channel&lt;TAB&gt;text</c> (a header row whose first field is <c>label</c> is
/// skipped; the two characters <c>\n</c> in text mean a new line). Standard output carries one JSON object
/// per line, <c>{"text","compound","label","upset","intensity","reasons"}</c>; with <c>--eval</c> a last line
/// <c>{"eval":{…}}</c> gives precision, recall and F1 of "upset" over the labelled rows. Errors go to
/// standard error.
/// </summary>
internal static class SentimentCommand
{
    public const string Verb = "sentiment";
    public const string EvalOption = "--eval";
    public const string UpsetLabel = "upset";
    public const string CalmLabel = "calm";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(string[] args)
    {
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        await using (output.ConfigureAwait(false))
        {
            using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            return await RunAsync(args[1..], input, output, Console.Error, CreateAnalyzer()).ConfigureAwait(false);
        }
    }

    /// <summary>The one place the verb's analyzer is chosen.</summary>
    internal static ISentimentAnalyzer CreateAnalyzer() => EmbeddedSentimentAnalyzer.Default;

    /// <summary>The verb on any reader and writers: the entry tests call in process.</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, ISentimentAnalyzer analyzer)
    {
        var eval = false;
        foreach (var arg in args)
        {
            if (arg != EvalOption)
            {
                await error.WriteLineAsync($"Unknown option '{arg}'. Usage: sentiment [{EvalOption}] < lines").ConfigureAwait(false);
                return 2;
            }

            eval = true;
        }

        var counts = new UpsetConfusion();
        var lineNumber = 0;
        while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!SentimentLine.TryParse(line, out var parsed))
            {
                continue;
            }

            var result = await analyzer.AnalyzeAsync(parsed.Text).ConfigureAwait(false);
            await output.WriteLineAsync(Json(parsed.Text, result)).ConfigureAwait(false);
            if (!eval || parsed.Label is null)
            {
                continue;
            }

            if (parsed.Label.Equals(UpsetLabel, StringComparison.OrdinalIgnoreCase) || parsed.Label.Equals(CalmLabel, StringComparison.OrdinalIgnoreCase))
            {
                counts.Add(parsed.Label.Equals(UpsetLabel, StringComparison.OrdinalIgnoreCase), result.Upset);
            }
            else
            {
                await error.WriteLineAsync($"Line {lineNumber}: label '{parsed.Label}' is neither '{UpsetLabel}' nor '{CalmLabel}'; not counted.").ConfigureAwait(false);
            }
        }

        if (eval)
        {
            if (counts.Total == 0)
            {
                await error.WriteLineAsync("--eval: no labelled rows (label<TAB>channel<TAB>text) in the input.").ConfigureAwait(false);
            }

            await output.WriteLineAsync(counts.ToJson()).ConfigureAwait(false);
        }

        await output.FlushAsync().ConfigureAwait(false);
        return 0;
    }

    internal static string Json(string text, SentimentResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteNumber("compound", result.Compound);
            writer.WriteString("label", result.Label);
            writer.WriteBoolean("upset", result.Upset);
            writer.WriteNumber("intensity", result.Intensity);
            writer.WriteStartArray("reasons");
            foreach (var reason in result.Reasons)
            {
                writer.WriteStringValue(reason);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Confusion counts for "upset" and the eval line.</summary>
    internal sealed class UpsetConfusion
    {
        public int TruePositives { get; private set; }

        public int FalsePositives { get; private set; }

        public int FalseNegatives { get; private set; }

        public int TrueNegatives { get; private set; }

        public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

        public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

        public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void Add(bool expectedUpset, bool predictedUpset)
        {
            _ = (expectedUpset, predictedUpset) switch
            {
                (true, true) => ++TruePositives,
                (false, true) => ++FalsePositives,
                (true, false) => ++FalseNegatives,
                (false, false) => ++TrueNegatives,
            };
        }

        public string ToJson() => string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"eval\":{{\"precision\":{Math.Round(Precision, 4)},\"recall\":{Math.Round(Recall, 4)},\"f1\":{Math.Round(F1, 4)},\"tp\":{TruePositives},\"fp\":{FalsePositives},\"fn\":{FalseNegatives},\"tn\":{TrueNegatives}}}}}");

        private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
    }
}
