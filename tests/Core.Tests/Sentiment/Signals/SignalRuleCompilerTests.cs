using System.Text;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Sentiment.Signals;

namespace SupportBot.Core.Tests.Sentiment.Signals;

public sealed class SignalRuleCompilerTests
{
    private static readonly Polarity Neutral = new(0, 0, 1, 0, SentimentLabels.Neutral);

    [Fact]
    public void Default_ShippedRules_Compile()
    {
        var rules = SignalRuleSet.Default;

        Assert.NotEmpty(rules.Patterns);
        Assert.NotEmpty(rules.Emoji);
    }

    [Theory]
    [InlineData("one-star")]
    [InlineData("..2 late")]
    [InlineData("late ..2")]
    [InlineData("<nosuchslot> late")]
    public void FromJson_MalformedPattern_ThrowsNamingIt(string pattern)
    {
        var json = Rules($$"""{ "reason": "waiting", "weight": 0.5, "patterns": [ "{{pattern}}" ] }""");

        var error = Assert.Throws<InvalidDataException>(() => UpsetJudge.FromJson(json));

        Assert.Contains(pattern.Split(' ')[0].Trim('<', '>', '.'), error.Message);
    }

    [Fact]
    public void FromJson_UnknownReason_Throws()
    {
        var json = Rules("""{ "reason": "grumpy", "weight": 0.5, "patterns": [ "meh" ] }""");

        Assert.Throws<InvalidDataException>(() => UpsetJudge.FromJson(json));
    }

    [Fact]
    public void FromJson_CustomRuleWithSlotGapAndOptional_Matches()
    {
        var json = Rules("""{ "reason": "waiting", "weight": 0.8, "patterns": [ "parcel|package ..2 <late>", "so? very overdue" ] }""", "\"late\": \"late delayed\"");
        var judge = UpsetJudge.FromJson(json);

        Assert.True(judge.Judge("the parcel is really delayed", Neutral).Upset);
        Assert.True(judge.Judge("it is very overdue", Neutral).Upset);
        Assert.False(judge.Judge("the parcel is here, not delayed at all", Neutral).Upset);
        Assert.False(judge.Judge("the package. It is late", Neutral).Upset);
    }

    [Fact]
    public void FromJson_NeedsContextRule_OnlyWithOtherNegativeEvidence()
    {
        var json = Rules(
            """{ "reason": "sarcasm", "weight": 0.8, "needsContext": true, "patterns": [ "lovely" ] }""",
            extra: "\"contextCues\": \"again\"");
        var judge = UpsetJudge.FromJson(json);

        Assert.False(judge.Judge("lovely day", Neutral).Upset);
        Assert.True(judge.Judge("lovely, broken again", Neutral).Upset);
        Assert.True(judge.Judge("lovely", Neutral with { Compound = -0.6 }).Upset);
    }

    private static MemoryStream Rules(string rule, string slots = "", string extra = "")
    {
        var json = $$"""
            {
              "negators": "not no never",
              {{(extra.Length > 0 ? extra + "," : string.Empty)}}
              "slots": { {{slots}} },
              "rules": [ {{rule}} ]
            }
            """;
        return new MemoryStream(Encoding.UTF8.GetBytes(json));
    }
}
