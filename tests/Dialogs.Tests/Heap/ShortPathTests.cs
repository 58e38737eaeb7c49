using SupportBot.Dialogs.Heap.State;
using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class ShortPathTests
{
    [Theory]
    [InlineData("What are your opening hours?", "9am to 6pm")]
    [InlineData("how do I reset my password", "reset link")]
    [InlineData("How long does delivery take?", "3–5 working days")]
    public async Task PlainQuestion_AnsweredFromKnowledgeBase_NoApologyNoReflection(string question, string expected)
    {
        var flow = new HeapFlow();

        var answer = await flow.SayAsync(question);

        Assert.Contains(expected, answer);
        Assert.Contains("help article", answer);
        Assert.DoesNotContain("sorry", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("apolog", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Is that right?", answer);
        Assert.Empty(flow.Support.Tickets);
        var outcome = await flow.ReadConversationStateAsync<ConversationOutcome>(ConversationOutcome.Property);
        Assert.Equal(Outcomes.ResolvedFirstContact, outcome!.Kind);
    }

    [Fact]
    public async Task Greeting_ThenThanks_NoApologyNoTicket()
    {
        var flow = new HeapFlow();

        var hello = await flow.SayAsync("hello");
        var bye = await flow.SayAsync("thanks, bye");

        Assert.Contains("What can I help you with", hello);
        Assert.Contains("welcome", bye, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(flow.Policy.SignOff, bye);
        Assert.DoesNotContain("sorry", hello + bye, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(flow.Support.Tickets);
    }

    [Theory]
    [InlineData("Your delivery was super fast, love it!")]
    [InlineData("Just wanted to say the team was amazing")]
    public async Task Praise_ThanksBackWithoutApology(string praise)
    {
        var flow = new HeapFlow();

        var reply = await flow.SayAsync(praise);

        Assert.Contains("Thank you", reply);
        Assert.DoesNotContain("sorry", reply, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("apolog", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(flow.Support.Tickets);
    }

    [Fact]
    public async Task QuestionWithoutAnswer_AsksForMoreInsteadOfGuessing()
    {
        var flow = new HeapFlow();

        var reply = await flow.SayAsync("Do you sell garden gnomes?");

        Assert.Contains("talk to a person", reply);
        Assert.DoesNotContain("sorry", reply, StringComparison.OrdinalIgnoreCase);
    }
}
