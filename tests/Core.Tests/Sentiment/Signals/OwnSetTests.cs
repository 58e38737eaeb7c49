using System.Runtime.CompilerServices;
using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment.Signals;

/// <summary>
/// A second check besides the shared development set: own-set.tsv holds 40 labelled messages written for
/// this test (chat, email, social; calm look-alikes and upset customers).
/// </summary>
public sealed class OwnSetTests
{
    [Fact]
    public void Analyze_OwnLabelledSet_F1AtLeastNinety()
    {
        var rows = File.ReadAllLines(Path.Combine(Folder(), "own-set.tsv")).Skip(1).Select(line => line.Split('\t')).ToList();
        int tp = 0, fp = 0, fn = 0;
        var misses = new List<string>();

        foreach (var row in rows)
        {
            var expected = row[0] == "upset";
            var actual = EmbeddedSentimentAnalyzer.Default.Analyze(row[2].Replace("\\n", "\n", StringComparison.Ordinal)).Upset;
            tp += expected && actual ? 1 : 0;
            fp += !expected && actual ? 1 : 0;
            fn += expected && !actual ? 1 : 0;
            if (expected != actual)
            {
                misses.Add(row[2]);
            }
        }

        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.Equal(40, rows.Count);
        Assert.True(f1 >= 0.9, $"F1 {f1:0.000}; misses: {string.Join(" | ", misses)}");
    }

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
