using SupportBot.Bot.Conversation;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Conversation;

public sealed class IntakeDialogTests
{
    [Fact]
    public async Task OnTurnAsync_CustomerScript_HearsReflectsAsksAndNotes()
    {
        await new ConversationScript()
            .Send("hi")
            .AssertReply(IntakeDialog.Greeting)
            .Send("my parcel arrived broken and I need it by friday")
            .AssertReply("So my parcel arrived broken and I need it by friday. Did I get that right?")
            .Send("yes")
            .AssertReply(reply =>
            {
                Assert.StartsWith(IntakeDialog.RemedyQuestion, reply.Text);
                Assert.Equal(["Refund", "Replacement", "Talk to a person"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
            })
            .Send("Refund")
            .AssertReply("Thanks, I've noted: Refund. A person will follow up.")
            .AssertNoReply();
    }

    [Fact]
    public async Task OnTurnAsync_ReflectionDenied_AsksForTheStoryAgain()
    {
        await new ConversationScript()
            .Send("hi")
            .AssertReply(IntakeDialog.Greeting)
            .Send("my parcel is late")
            .AssertReply(IntakeDialog.Reflection("my parcel is late"))
            .Send("no")
            .AssertReply(IntakeDialog.Retell)
            .Send("my parcel arrived broken")
            .AssertReply(IntakeDialog.Reflection("my parcel arrived broken"));
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
            .AssertReply(IntakeDialog.Greeting);
    }

    [Fact]
    public async Task OnTurnAsync_AfterTheLastStep_StartsOver()
    {
        await new ConversationScript()
            .Send("hi").AssertReply(IntakeDialog.Greeting)
            .Send("broken").AssertReply(IntakeDialog.Reflection("broken"))
            .Send("yes").AssertReply(_ => { })
            .Send("Replacement").AssertReply(IntakeDialog.Noted("Replacement"))
            .Send("hello again").AssertReply(IntakeDialog.Greeting);
    }
}
