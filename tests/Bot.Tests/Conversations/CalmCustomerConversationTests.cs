using SupportBot.Bot.Tests.Conversations.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>Calm customers through the chat composition: a story heard, one apology, an action with a reference and a time frame; questions answered straight.</summary>
public sealed class CalmCustomerConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => [.. Scripts.Keys];

    private static readonly Dictionary<string, (string[] Lines, Action<ChatTranscript> Check)> Scripts = new()
    {
        ["damaged order, replacement"] = (["hi", "my order 4411 arrived with a cracked screen and I need it by Friday", "yes", "Replacement", "no, that's all thanks"], t =>
        {
            Expect.Reflected(t, 1, "4411", "cracked screen", "Friday");
            Expect.OptionsOffered(t);
            Expect.Commitment(t);
            Expect.ApologisedOnceEach(t);
            Expect.NoApologyIn(t, 0);
            Expect.NoApologyIn(t, -1);
        }),
        ["late parcel, article did not help, ticket"] = (["my parcel is late", "yes", "no", "Investigate it"], t =>
        {
            Expect.Reflected(t, 0);
            Expect.AnsweredFromKnowledge(t, 1);
            Expect.Commitment(t);
        }),
        ["wrong item, refund"] = (["You sent me the wrong colour for order 4402", "yes", "Refund"], t =>
        {
            Expect.Reflected(t, 0, "4402");
            Expect.Commitment(t);
        }),
        ["opening hours"] = (["What are your opening hours?"], t =>
        {
            Expect.AnsweredFromKnowledge(t, 0);
            Expect.NoApology(t);
        }),
        ["password reset question"] = (["How do I reset my password?"], t =>
        {
            Expect.AnsweredFromKnowledge(t, 0);
            Expect.NoApology(t);
        }),
        ["delivery times"] = (["How long does delivery take?"], t =>
        {
            Expect.AnsweredFromKnowledge(t, 0);
            Expect.NoApology(t);
        }),
        ["greeting then story, callback"] = (["good morning", "my order 4407 is late", "yes", "no", "Call me back"], t =>
        {
            Expect.NoApologyIn(t, 0);
            Expect.Reflected(t, 1, "4407");
            Expect.Commitment(t);
            Assert.Contains("09:00", t.Reply(-1));
        }),
        ["defective blender, callback not in policy, repair instead"] = (["the blender I ordered won't turn on", "yes", "Call me back", "Repair"], t =>
        {
            Expect.Reflected(t, 0, "blender");
            Assert.Contains("I'm not able to do that, but what I can do is", t.Reply(2));
            Expect.Commitment(t);
        }),
        ["defective with a deadline, repair"] = (["my headphones from order 4402 stopped working and I need them before Saturday", "yes", "Repair"], t =>
        {
            Expect.Reflected(t, 0, "4402", "Saturday");
            Expect.Commitment(t);
        }),
        ["missing item, replacement"] = (["the charger was missing from my order 4411", "yes", "replacement please"], t =>
        {
            Expect.Reflected(t, 0, "4411");
            Expect.Commitment(t);
        }),
        ["charged twice"] = (["I was charged twice for order 4398", "yes", "Investigate it"], t =>
        {
            Expect.Reflected(t, 0, "4398");
            Expect.Commitment(t);
        }),
        ["wish stated up front"] = (["Order 4411 arrived smashed, I'd like a replacement please", "yes"], t =>
        {
            Expect.Reflected(t, 0, "4411", "replacement");
            Expect.Commitment(t);
        }),
        ["returns question"] = (["How do I return an item?"], t =>
        {
            Expect.AnsweredFromKnowledge(t, 0);
            Expect.NoApology(t);
        }),
        ["two questions in a row"] = (["what are your opening hours?", "and how long does delivery take?", "thanks!"], t =>
        {
            Expect.AnsweredFromKnowledge(t, 0);
            Expect.AnsweredFromKnowledge(t, 1);
            Expect.NoApology(t);
        }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Chat_CalmCustomer_BehavesLikeAGoodAgent(string name)
    {
        var (lines, check) = Scripts[name];

        var transcript = await ChatRunner.RunAsync(lines);
        output.WriteLine(transcript.ToString());

        Expect.EveryTurnAnswered(transcript);
        Expect.NoRepeatedApology(transcript);
        check(transcript);
    }
}
