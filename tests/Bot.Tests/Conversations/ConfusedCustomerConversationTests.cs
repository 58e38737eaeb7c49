using SupportBot.Bot.Tests.Conversations.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Bot.Tests.Conversations;

/// <summary>Confused customers and bad input: the bot asks helpfully, takes corrections, and is never stuck.</summary>
public sealed class ConfusedCustomerConversationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => [.. Scripts.Keys];

    private static readonly Dictionary<string, (string[] Lines, Action<ChatTranscript> Check)> Scripts = new()
    {
        ["gibberish first"] = (["asdfgh qwrtz", "my order 4411 arrived damaged", "yes", "Replacement"], t =>
        {
            Expect.NoApologyIn(t, 0);
            Assert.Contains("?", t.Reply(0));
            Expect.Reflected(t, 1, "4411");
            Expect.Commitment(t);
        }),
        ["emoji only"] = (["🤔🤔", "my kettle is broken", "yes", "Replacement"], t =>
        {
            Assert.Contains("?", t.Reply(0));
            Expect.Commitment(t);
        }),
        ["correction with a new order number"] = (["my order 4411 arrived damaged", "no, it's order 4402", "yes", "Refund"], t =>
        {
            Expect.Reflected(t, 1, "4402");
            Assert.DoesNotContain("4411", t.Reply(1));
            Expect.Commitment(t);
        }),
        ["bare no, then the right story"] = (["my parcel is late", "no", "they sent me the wrong size", "yes", "Replacement"], t =>
        {
            Assert.Contains("What did I get wrong?", t.Reply(1));
            Expect.Reflected(t, 2, "wrong size");
            Expect.Commitment(t);
        }),
        ["help in the middle"] = (["my order 4411 arrived damaged", "help", "yes", "Replacement"], t =>
        {
            Assert.Contains("start over", t.Reply(1));
            Assert.Contains("Is that right?", t.Reply(1));
            Expect.Commitment(t);
        }),
        ["start over in the middle"] = (["my order 4411 arrived damaged", "yes", "start over", "How long does delivery take?"], t =>
        {
            Assert.Contains("start again", t.Reply(2));
            Expect.AnsweredFromKnowledge(t, 3);
        }),
        ["unknown order number"] = (["order 99999 arrived broken", "I don't have it", "yes", "Replacement"], t =>
        {
            Assert.Contains("couldn't find an order numbered 99999", t.Reply(0));
            Expect.Reflected(t, 1);
            Expect.Commitment(t);
        }),
        ["unclear wishes fall back to a ticket"] = (["my order 4411 arrived damaged", "yes", "hmm", "not sure really", "dunno"], t =>
        {
            Assert.Contains("Here's what I can do", t.Reply(3));
            Expect.Commitment(t);
        }),
        ["another language first"] = (["Hola, mi pedido llegó roto", "my order 4411 arrived broken", "yes", "Replacement"], t =>
        {
            Assert.Contains("English", t.Reply(0));
            Expect.Reflected(t, 1, "4411");
            Expect.Commitment(t);
        }),
        ["huge paste"] = (["My order 4411 arrived damaged. " + string.Concat(Enumerable.Repeat("error log line 0x00ff stack trace ", 1600)), "yes", "Replacement"], t =>
        {
            Expect.Reflected(t, 0, "4411");
            Expect.Commitment(t);
        }),
        ["yes and no mixed up"] = (["my order 4411 arrived damaged", "hmm", "yes", "Replacement"], t =>
        {
            Assert.Contains("yes or no", t.Reply(1));
            Expect.Commitment(t);
        }),
        ["stray ok at the start"] = (["ok", "my parcel 4411 is damaged", "yes", "Refund"], t =>
        {
            Assert.Contains("?", t.Reply(0));
            Expect.Commitment(t);
        }),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Chat_ConfusedCustomer_HelpfulAndNeverStuck(string name)
    {
        var (lines, check) = Scripts[name];

        var transcript = await ChatRunner.RunAsync(lines);
        output.WriteLine(transcript.ToString());

        Expect.EveryTurnAnswered(transcript);
        Expect.NoRepeatedApology(transcript);
        Expect.EndsUsefully(transcript);
        check(transcript);
    }
}
