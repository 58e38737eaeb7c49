using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Tests.Sentiment.Signals;

/// <summary>Each signal fires on its own examples and stays quiet on calm look-alikes (VADER + signals end to end).</summary>
public sealed class UpsetSignalTests
{
    private static SentimentResult Analyze(string text) => EmbeddedSentimentAnalyzer.Default.Analyze(text);

    [Theory]
    [InlineData("That's the fifth time I've written to you about the same fault.")]
    [InlineData("How many times do I have to send you the photos?")]
    [InlineData("I already explained all of this to your colleague yesterday")]
    [InlineData("yet again the driver didn't ring the bell")]
    public void Analyze_RepeatedContact_UpsetWithRepeatContact(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.RepeatContact, result.Reasons);
    }

    [Theory]
    [InlineData("Been waiting on hold for 50 minutes now.")]
    [InlineData("Still no word about my claim and it's been ages")]
    [InlineData("Nobody has replied to my emails since Tuesday")]
    public void Analyze_WaitingComplaint_UpsetWithWaiting(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.Waiting, result.Reasons);
    }

    [Theory]
    [InlineData("Sort this out or I'm taking my business elsewhere.")]
    [InlineData("I'm going to request a chargeback from my card provider")]
    [InlineData("Last chance, then I'm switching to one of your competitors")]
    public void Analyze_ThreatToLeave_UpsetWithThreatToLeave(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.ThreatToLeave, result.Reasons);
    }

    [Theory]
    [InlineData("I will be contacting my solicitor about the damage.")]
    [InlineData("Expect to hear from the ombudsman.")]
    [InlineData("Fine, I'll post a 1 star review on every site I can find")]
    [InlineData("Maybe the local newspaper would like to hear about this")]
    public void Analyze_LegalOrPublicityThreat_UpsetWithLegalThreat(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.LegalThreat, result.Reasons);
    }

    [Theory]
    [InlineData("Put me through to your supervisor.")]
    [InlineData("I want an actual person, not this chatbot")]
    public void Analyze_AsksForHumanOrManager_UpsetWithAsksForHuman(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.AsksForHuman, result.Reasons);
    }

    [Theory]
    [InlineData("Thanks for nothing, honestly.")]
    [InlineData("Oh wonderful, the invoice is wrong again")]
    [InlineData("Perfect, just perfect. Another missed delivery.")]
    [InlineData("yeah right, 'within 24 hours' 🙄")]
    public void Analyze_Sarcasm_UpsetWithSarcasm(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.Sarcasm, result.Reasons);
        Assert.NotEqual(SentimentLabels.Positive, result.Label);
    }

    [Theory]
    [InlineData("WHERE IS MY REFUND")]
    [InlineData("Why has my account been frozen?!")]
    [InlineData("I paid for express shipping!!!")]
    public void Analyze_Shouting_ReportsShouting(string text)
    {
        var result = Analyze(text);

        Assert.Contains(UpsetReasons.Shouting, result.Reasons);
    }

    [Theory]
    [InlineData("Your call centre staff are clueless")]
    [InlineData("what a bunch of incompetent muppets")]
    [InlineData("You lot are thieves, plain and simple")]
    public void Analyze_InsultAtCompany_UpsetWithInsult(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.Insult, result.Reasons);
    }

    [Theory]
    [InlineData("where the hell is my package")]
    [InlineData("this is such bullshit")]
    [InlineData("f**king hell, charged again")]
    [InlineData("sh*t service")]
    public void Analyze_Profanity_UpsetWithProfanity(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.Profanity, result.Reasons);
    }

    [Theory]
    [InlineData("I'm absolutely livid about how I've been treated.")]
    [InlineData("This is completely unacceptable.")]
    public void Analyze_StrongNegativeFeeling_UpsetWithStrongNegative(string text)
    {
        var result = Analyze(text);

        Assert.True(result.Upset, Describe(text, result));
        Assert.Contains(UpsetReasons.StrongNegative, result.Reasons);
    }

    [Theory]
    [InlineData("my kettle arrived with a dent in it, can I get a replacement?")]
    [InlineData("The app freezes when I try to upload a receipt.")]
    [InlineData("My bank card was stolen so please block it")]
    [InlineData("my grandmother died and I need to close her account")]
    [InlineData("The earlier parcel was lost in transit, so could you resend?")]
    public void Analyze_NegativeTopicPolitelyAsked_Calm(string text)
    {
        var result = Analyze(text);

        Assert.False(result.Upset, Describe(text, result));
    }

    [Theory]
    [InlineData("Could you check where my parcel is? Thanks!")]
    [InlineData("Do you have this in a size 9?")]
    [InlineData("Amazing service, the engineer was brilliant 👍")]
    [InlineData("How long do refunds usually take?")]
    [InlineData("How many times can I reschedule a delivery?")]
    [InlineData("Can I talk to someone about a bulk order?")]
    public void Analyze_QuestionsRequestsAndPraise_Calm(string text)
    {
        var result = Analyze(text);

        Assert.False(result.Upset, Describe(text, result));
    }

    [Theory]
    [InlineData("My IMEI and PDF invoice are attached, sent via DHL")]
    [InlineData("the router still works after the reset, thanks")]
    [InlineData("I keep a spare key with my neighbour in case UPS comes")]
    [InlineData("THANK YOU SO MUCH!!! You made my day")]
    [InlineData("My lawyer needs a copy of the receipt, can you email it?")]
    [InlineData("Is this text from you or a scam? It asks for my PIN")]
    [InlineData("I'll be away for three weeks, could you hold the parcel?")]
    public void Analyze_CalmLookAlikes_Calm(string text)
    {
        var result = Analyze(text);

        Assert.False(result.Upset, Describe(text, result));
    }

    [Theory]
    [InlineData("I'm not angry, just want to understand the bill.")]
    [InlineData("No need for a manager, you've sorted it.")]
    [InlineData("I don't want to cancel my subscription, just pause it")]
    [InlineData("I'm not going to leave a bad review, don't worry")]
    public void Analyze_NegatedSignal_Calm(string text)
    {
        var result = Analyze(text);

        Assert.False(result.Upset, Describe(text, result));
    }

    [Fact]
    public void Analyze_NegationBrokenByMake_StillAThreat()
    {
        var result = Analyze("Don't make me call my lawyer.");

        Assert.Contains(UpsetReasons.LegalThreat, result.Reasons);
    }

    [Fact]
    public void Analyze_AngryEmojiOnly_Upset()
    {
        var result = Analyze("🤬🤬🤬");

        Assert.True(result.Upset, Describe("🤬🤬🤬", result));
        Assert.Contains(UpsetReasons.StrongNegative, result.Reasons);
    }

    [Fact]
    public void Analyze_FriendlyEmoji_LowersIntensity()
    {
        var plain = Analyze("still waiting on the courier");
        var friendly = Analyze("still waiting on the courier 🙂👍");

        Assert.True(friendly.Intensity < plain.Intensity, $"{friendly.Intensity} !< {plain.Intensity}");
    }

    [Fact]
    public void Analyze_EyeRollAddsSarcasm()
    {
        var result = Analyze("sure, the parcel is coming tomorrow 🙄");

        Assert.Contains(UpsetReasons.Sarcasm, result.Reasons);
    }

    [Fact]
    public void Analyze_MoreSignals_HigherIntensity()
    {
        var one = Analyze("this is the third time I'm asking");
        var many = Analyze("this is the third time I'm asking, you useless clowns. I want a manager NOW!!!");

        Assert.True(many.Intensity > one.Intensity);
        Assert.InRange(many.Intensity, 0, 1);
    }

    private static string Describe(string text, SentimentResult result) =>
        $"'{text}': upset={result.Upset} intensity={result.Intensity} compound={result.Compound} reasons=[{string.Join(",", result.Reasons)}]";
}
