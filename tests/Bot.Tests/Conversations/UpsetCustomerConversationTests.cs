using SupportBot.Bot.Tests.Conversations.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>Upset customers: a sincere apology in proportion, never repeated; out-of-policy wishes answered honestly; anger and requests for a person escalate.</summary>
public sealed class UpsetCustomerConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => [.. Scripts.Keys];

    private static readonly Dictionary<string, (string[] Lines, Action<ChatTranscript> Check)> Scripts = new()
    {
        ["asks for a person straight away"] = (["I want to talk to a person"], t =>
        {
            Expect.Escalated(t);
        }),
        ["asks for a person mid-flow"] = (["my order 4411 arrived damaged", "can I speak to a human agent please"], t =>
        {
            Expect.Escalated(t);
        }),
        ["legal threat"] = (["My order 4411 never arrived and I will sue you, my lawyer will be in touch"], t =>
        {
            Expect.Escalated(t);
            Expect.ApologisedOnceEach(t);
        }),
        ["shouting about repeat contact"] = (["THIS IS THE THIRD TIME I AM WRITING ABOUT ORDER 4411!!! WHERE IS MY REFUND???"], t =>
        {
            Expect.ApologisedOnceEach(t);
            Expect.Escalated(t);
        }),
        ["angry but goes through HEAP"] = (["I'm really annoyed, order 4411 arrived with a cracked screen", "yes", "Replacement"], t =>
        {
            Expect.ApologisedOnceEach(t);
            Expect.Commitment(t);
        }),
        ["compensation is out of policy"] = (["my order 4411 arrived damaged, it's disappointing", "yes", "I want compensation", "Replacement"], t =>
        {
            Assert.Contains("I'm not able to do that, but what I can do is", t.Reply(2));
            Expect.OptionsOffered(t);
            Expect.Commitment(t);
        }),
        ["refund above the limit"] = (["my order 4411 arrived damaged", "yes", "I want a refund of £900", "Replacement"], t =>
        {
            Assert.Contains("£900", t.Reply(2));
            Assert.Contains("what I can do is", t.Reply(2));
            Expect.Commitment(t);
        }),
        ["anger rises mid-flow"] = (["my order 4411 arrived damaged", "yes", "this is absolutely useless, you people are pathetic!!!"], t =>
        {
            Expect.Escalated(t);
            Expect.NoRepeatedApology(t);
        }),
        ["frustrated late delivery"] = (["Still waiting for order 4407, this is so frustrating", "yes", "no", "Call me back"], t =>
        {
            Expect.ApologisedOnceEach(t);
            Assert.True(t.AllBotText.Contains("call you", StringComparison.Ordinal) || t.AllBotText.Contains("person from our team", StringComparison.Ordinal), t.ToString());
        }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Chat_UpsetCustomer_ApologisesInProportionAndActs(string name)
    {
        var (lines, check) = Scripts[name];

        var transcript = await ChatRunner.RunAsync(lines);
        output.WriteLine(transcript.ToString());

        Expect.EveryTurnAnswered(transcript);
        Expect.NoRepeatedApology(transcript);
        check(transcript);
    }
}
