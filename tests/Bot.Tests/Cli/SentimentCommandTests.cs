using System.Text.Json;
using SupportBot.Bot.Cli;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Sentiment;

namespace SupportBot.Bot.Tests.Cli;

[Collection(ProcessCollection.Name)]
public sealed class SentimentCommandTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();

    [Fact]
    public async Task Run_PlainLines_OneJsonObjectPerLineInOrder()
    {
        var (exit, lines, errors) = await RunAsync([], "where is my parcel?\nthird time asking, useless!!!\n\n");

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Equal(3, lines.Count);
        Assert.Equal("where is my parcel?", lines[0].GetProperty("text").GetString());
        Assert.False(lines[0].GetProperty("upset").GetBoolean());
        Assert.True(lines[1].GetProperty("upset").GetBoolean());
        Assert.Contains(UpsetReasons.RepeatContact, lines[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(string.Empty, lines[2].GetProperty("text").GetString());
        Assert.All(lines, line => Assert.Equal(
            ["text", "compound", "label", "upset", "intensity", "reasons"],
            line.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Run_TsvWithHeaderAndEscapedNewline_SkipsHeaderAndDecodesText()
    {
        var (_, lines, _) = await RunAsync([], "label\tchannel\ttext\ncalm\temail\tHello,\\nplease resend my invoice.\tThanks\n");

        var only = Assert.Single(lines);
        Assert.Equal("Hello,\nplease resend my invoice.\tThanks", only.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Run_Eval_LastLineHasConfusionCountsAndScores()
    {
        var input = string.Join('\n',
            "label\tchannel\ttext",
            "upset\tchat\tI want a manager NOW, fourth time I'm asking",
            "upset\tchat\tthe lid is loose",
            "calm\tchat\tdo you sell gift cards?",
            "calm\tchat\tthanks for nothing, useless lot",
            "calm\tsocial\tlovely service, thank you 🙂") + "\n";

        var (exit, lines, _) = await RunAsync([SentimentCommand.EvalOption], input);

        Assert.Equal(0, exit);
        Assert.Equal(6, lines.Count);
        var eval = lines[^1].GetProperty("eval");
        Assert.Equal(1, eval.GetProperty("tp").GetInt32());
        Assert.Equal(1, eval.GetProperty("fn").GetInt32());
        Assert.Equal(1, eval.GetProperty("fp").GetInt32());
        Assert.Equal(2, eval.GetProperty("tn").GetInt32());
        Assert.Equal(0.5, eval.GetProperty("precision").GetDouble());
        Assert.Equal(0.5, eval.GetProperty("recall").GetDouble());
        Assert.Equal(0.5, eval.GetProperty("f1").GetDouble());
    }

    [Fact]
    public void Confusion_NoPositives_ScoresZeroNotNaN()
    {
        var counts = new SentimentCommand.UpsetConfusion();
        counts.Add(expectedUpset: false, predictedUpset: false);

        Assert.Equal("{\"eval\":{\"precision\":0,\"recall\":0,\"f1\":0,\"tp\":0,\"fp\":0,\"fn\":0,\"tn\":1}}", counts.ToJson());
    }

    [Fact]
    public async Task Run_EvalWithUnknownLabel_NotCountedAndReportedOnStandardError()
    {
        var (_, lines, errors) = await RunAsync([SentimentCommand.EvalOption], "angry\tchat\tgrr\n");

        Assert.Equal(0, lines[^1].GetProperty("eval").GetProperty("tn").GetInt32());
        Assert.Contains("angry", errors);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitCodeTwoAndNothingOnStandardOutput()
    {
        var (exit, lines, errors) = await RunAsync(["--verbose"], "hi\n");

        Assert.Equal(2, exit);
        Assert.Empty(lines);
        Assert.Contains("--verbose", errors);
    }

    [Fact]
    public async Task Sentiment_AsChildProcess_OnlyJsonOnStandardOutput()
    {
        using var process = BotProcess.Start(_folder, ["sentiment", "--eval"], redirectInput: true);

        Assert.Equal(0, await process.RunToEndAsync("upset\tchat\tWHERE IS MY REFUND, third time asking\ncalm\tchat\tcan I change my address?\n"));

        var lines = process.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Contains("\"f1\":1", lines[^1]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static async Task<(int Exit, List<JsonElement> Lines, string Errors)> RunAsync(string[] args, string input)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SentimentCommand.RunAsync(args, reader, output, error, SentimentCommand.CreateAnalyzer());

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
        return (exit, lines, error.ToString());
    }
}
