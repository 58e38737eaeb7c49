using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>What the local server answers to one request.</summary>
internal sealed record ServerReply(int Status, string? Body, IReadOnlyDictionary<string, string> Headers, bool Hang = false)
{
    /// <summary>A documented payload from <c>TestData/</c>.</summary>
    public static ServerReply FromTestData(int status, string file, params (string Name, string Value)[] headers) =>
        new(status, TestData(file), headers.ToDictionary(h => h.Name, h => h.Value));

    /// <summary>Never answers (a slow service).</summary>
    public static ServerReply Hanging() => new(0, null, new Dictionary<string, string>(), Hang: true);

    /// <summary>A raw body with a status.</summary>
    public static ServerReply Raw(int status, string body) => new(status, body, new Dictionary<string, string>());

    /// <summary>
    /// A documented success for whatever ids the request holds, every document positive
    /// (0.8 / 0.15 / 0.05), listed in reverse so matching by id is exercised.
    /// </summary>
    public static ServerReply EchoSuccess(RecordedRequest request)
    {
        var documents = new StringBuilder();
        foreach (var id in request.DocumentIds.Reverse())
        {
            documents.Append(documents.Length == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$$"""{"id":"{{{id}}}","sentiment":"positive","confidenceScores":{"positive":0.8,"neutral":0.15,"negative":0.05},"sentences":[],"warnings":[]}""");
        }

        return new ServerReply(200,
            $$$"""{"kind":"SentimentAnalysisResults","results":{"documents":[{{{documents}}}],"errors":[],"modelVersion":"2022-11-01"}}""",
            new Dictionary<string, string>());
    }

    /// <summary>Reads a payload next to this source file, so no copy-to-output step is needed.</summary>
    public static string TestData(string file, [CallerFilePath] string sourcePath = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(sourcePath)!, "TestData", file));
}
