using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Conversation;

public sealed class SupportBotTests
{
    [Fact]
    public async Task OnTurnAsync_DamagedParcel_HearsEmpathisesLeadsAndProvides()
    {
        await new ConversationScript()
            .Send("hi")
            .AssertReply(reply => HeapReplies.AssertGreeting(reply.Text))
            .Send("my parcel arrived broken and I need it by friday")
            .AssertReply(reply => HeapReplies.AssertReflection(reply.Text, "parcel", "friday"))
            .Send("yes")
            .AssertReply(reply =>
            {
                HeapReplies.AssertRemedyQuestion(reply.Text);
                Assert.Matches("(?i)sorry|apolog", reply.Text);
                Assert.Equal(["Replacement", "Refund", "Call me back"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
            })
            .Send("Replacement")
            .AssertReply(reply =>
            {
                Assert.Matches(@"T-\d{4}", reply.Text);
                Assert.Contains("within 2 days", reply.Text);
            })
            .AssertNoReply();
    }

    [Fact]
    public async Task OnTurnAsync_ReflectionDenied_AsksWhatWasWrong()
    {
        await new ConversationScript()
            .Send("my parcel is late")
            .AssertReply(reply => HeapReplies.AssertReflection(reply.Text, "late"))
            .Send("no")
            .AssertReply(reply => Assert.Contains("What did I get wrong?", reply.Text))
            .Send("my parcel arrived broken")
            .AssertReply(reply => HeapReplies.AssertReflection(reply.Text, "broken"));
    }

    [Fact]
    public async Task OnTurnAsync_ConversationUpdate_SendsNothingAndKeepsTheScript()
    {
        var joined = TestActivities.Message("ignored", "x");
        joined.Type = ActivityTypes.ConversationUpdate;
        joined.Text = null;
        joined.MembersAdded = [new ChannelAccount("customer-1")];

        await new ConversationScript()
            .Send(joined)
            .AssertNoReply()
            .Send("hi")
            .AssertReply(reply => HeapReplies.AssertGreeting(reply.Text));
    }

    [Fact]
    public async Task OnTurnAsync_PlainQuestion_AnsweredWithoutApology()
    {
        await new ConversationScript()
            .Send("What are your opening hours?")
            .AssertReply(reply =>
            {
                Assert.Contains("help article", reply.Text);
                Assert.DoesNotMatch("(?i)sorry|apolog", reply.Text);
            })
            .AssertNoReply();
    }

    [Fact]
    public async Task OnTurnAsync_AfterTheCaseIsDone_NewIssueStartsAfresh()
    {
        await new ConversationScript()
            .Send("my parcel arrived broken").AssertReply(_ => { })
            .Send("yes").AssertReply(_ => { })
            .Send("Replacement").AssertReply(reply => Assert.Matches(@"T-\d{4}", reply.Text))
            .Send("also my kettle stopped working").AssertReply(reply => HeapReplies.AssertReflection(reply.Text, "kettle"));
    }
}
