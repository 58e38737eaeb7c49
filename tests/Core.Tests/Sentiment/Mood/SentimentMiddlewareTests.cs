using Moq;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Mood;
using SupportBot.Core.State;
using SupportBot.Core.Tests.Turns;
using SupportBot.Core.Turns;

namespace SupportBot.Core.Tests.Sentiment.Mood;

public sealed class SentimentMiddlewareTests
{
    private readonly AdapterHarness _harness = new();
    private readonly Mock<ISentimentAnalyzer> _analyzer = new();
    private readonly List<SentimentTurn?> _seen = [];

    public SentimentMiddlewareTests()
    {
        var middleware = new SentimentMiddleware(_analyzer.Object, new ConversationState(_harness.Storage), new EscalationPolicy(new EscalationOptions()), TimeProvider.System);
        _harness.Adapter.Use(middleware);
    }

    private Task SendAsync(string text, SentimentResult result)
    {
        _analyzer.Setup(a => a.AnalyzeAsync(text, It.IsAny<CancellationToken>())).ReturnsAsync(result);
        return _harness.Adapter.ProcessActivityAsync(AdapterHarness.Message(text), (turn, _) =>
        {
            _seen.Add(SentimentTurn.Of(turn));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Message_Scored_ScoreIsStoredWithTheTranscript()
    {
        await SendAsync("where is my refund??", EscalationPolicyTests.Upset(0.5, UpsetReasons.Waiting));

        var stored = Assert.Single(await _harness.TranscriptAsync());
        var recorded = SentimentMiddleware.ReadRecorded(stored);
        Assert.NotNull(recorded);
        Assert.True(recorded.Upset);
        Assert.Equal(0.5, recorded.Intensity);
        Assert.Equal([UpsetReasons.Waiting], recorded.Reasons);
    }

    [Fact]
    public async Task Messages_AcrossTurns_TrajectoryPersistsAndEscalatesOnThirdNegative()
    {
        await SendAsync("one", EscalationPolicyTests.Negative());
        await SendAsync("two", EscalationPolicyTests.Negative());
        await SendAsync("three", EscalationPolicyTests.Negative());

        Assert.Equal([1, 2, 3], _seen.Select(s => s!.Mood.Messages));
        Assert.False(_seen[1]!.Escalation.Escalate);
        Assert.Contains(EscalationReasons.ConsecutiveNegative, _seen[2]!.Escalation.Reasons);
        var state = (await _harness.Storage.ReadAsync(["test/conversations/c1"]))["test/conversations/c1"].Value;
        Assert.Equal(3, state.GetProperty(SentimentMiddleware.MoodProperty).GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task NonMessageOrBotActivity_IsNotScored()
    {
        var typing = AdapterHarness.Message("…");
        typing.Type = Core.Schema.ActivityTypes.Typing;
        var fromBot = AdapterHarness.Message("hello from another bot");
        fromBot.From!.Role = Core.Schema.RoleTypes.Bot;

        await _harness.Adapter.ProcessActivityAsync(typing, (_, _) => Task.CompletedTask);
        await _harness.Adapter.ProcessActivityAsync(fromBot, (_, _) => Task.CompletedTask);

        _analyzer.Verify(a => a.AnalyzeAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
