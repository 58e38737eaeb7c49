using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SupportBot.Core.Sentiment.Vader;

namespace SupportBot.Core.Tests.Sentiment.Vader;

/// <summary>
/// Runs the reference implementation — the npm package vader-sentiment 1.1.3, installed by test.sh
/// (<c>npm ci</c> in reference/) — as a child process. Missing Node.js or a missing package fails the
/// test with instructions; it never skips (PROTOCOLS.md §9, issue 3 point 2).
/// </summary>
internal static class VaderReference
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>tests/Core.Tests/Sentiment/Vader in the source tree (found from the test assembly upwards).</summary>
    public static string Folder { get; } = FindFolder();

    public static string ReferenceFolder => Path.Combine(Folder, "reference");

    /// <summary>The package's polarity_scores for each text, in order.</summary>
    public static IReadOnlyList<VaderScores> Score(IReadOnlyList<string> texts)
    {
        var input = new StringBuilder();
        foreach (var text in texts)
        {
            AppendJsonString(input, text);
            input.Append('\n');
        }

        var output = RunNode("score.js --json", input.ToString());
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == texts.Count, $"reference/score.js answered {lines.Length} lines for {texts.Count} texts.");
        var scores = new VaderScores[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            scores[i] = new VaderScores(
                root.GetProperty("neg").GetDouble(),
                root.GetProperty("neu").GetDouble(),
                root.GetProperty("pos").GetDouble(),
                root.GetProperty("compound").GetDouble());
        }

        return scores;
    }

    /// <summary>The lexicon the package scores with (token → valence).</summary>
    public static IReadOnlyDictionary<string, double> Lexicon()
    {
        using var json = JsonDocument.Parse(RunNode("lexicon.js", string.Empty));
        var lexicon = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            lexicon[property.Name] = property.Value.GetDouble();
        }

        return lexicon;
    }

    private static string RunNode(string arguments, string input)
    {
        var package = Path.Combine(ReferenceFolder, "node_modules", "vader-sentiment", "package.json");
        if (!File.Exists(package))
        {
            Assert.Fail($"The reference package is not installed: {package} is missing. Run `npm ci --ignore-scripts` in {ReferenceFolder} (./test.sh does this).");
        }

        using (var manifest = JsonDocument.Parse(File.ReadAllText(package)))
        {
            var version = manifest.RootElement.GetProperty("version").GetString();
            Assert.True(version == "1.1.3", $"The reference must be vader-sentiment 1.1.3, found {version} in {package}; run `npm ci --ignore-scripts` in {ReferenceFolder}.");
        }

        var start = new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = ReferenceFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (Win32Exception exception)
        {
            Assert.Fail($"Node.js ('node') is required for the VADER reference scores and could not be started: {exception.Message}. Install Node.js and run ./test.sh.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node {arguments} did not finish within {Timeout.TotalSeconds} s.");
            }

            var error = stderr.GetAwaiter().GetResult();
            Assert.True(process.ExitCode == 0, $"node {arguments} failed with exit code {process.ExitCode}: {error}");
            return stdout.GetAwaiter().GetResult();
        }
    }

    /// <summary>A JSON string literal with everything outside printable ASCII escaped, so lone surrogates and control characters survive the pipe.</summary>
    private static void AppendJsonString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        builder.Append('"');
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Core.Tests", "Sentiment", "Vader");
            if (File.Exists(Path.Combine(candidate, "corpus.txt")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/Core.Tests/Sentiment/Vader/corpus.txt was not found above {AppContext.BaseDirectory}.");
    }
}
