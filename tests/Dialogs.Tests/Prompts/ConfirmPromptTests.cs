using SupportBot.Core.Schema;
using SupportBot.Dialogs.Prompts;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests.Prompts;

public sealed class ConfirmPromptTests
{
    private static TestFlow Asking() => TestFlow.ForDialogs("root", PromptFlows.Asking(
        new ConfirmPrompt("confirm"),
        PromptOptions.FromText("Shall I open a ticket?", "Please answer yes or no. Shall I open a ticket?")));

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("Y", "yes")]
    [InlineData("Yeah", "yes")]
    [InlineData("yep!", "yes")]
    [InlineData("Sure.", "yes")]
    [InlineData("OK", "yes")]
    [InlineData("yes, please do", "yes")]
    [InlineData("no", "no")]
    [InlineData("N", "no")]
    [InlineData("Nope", "no")]
    [InlineData("no thanks", "no")]
    public async Task ContinueDialog_YesOrNoWord_Recognised(string answer, string expected)
    {
        // Arrange
        var flow = Asking().Send("hi").AssertReply("Shall I open a ticket?");

        // Act + Assert
        await flow.Send(answer).AssertReply($"Got {expected}").StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_Prompt_OffersYesAndNoAsSuggestedActions()
    {
        // Arrange
        var flow = Asking();

        // Act + Assert
        await flow.Send("hi").AssertReply(reply =>
        {
            var actions = reply.SuggestedActions!.Actions!;
            Assert.Equal(["Yes", "No"], actions.Select(a => a.Title));
            Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            Assert.Equal("Yes", actions[0].Value!.Value.GetString());
        }).StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_Unrecognised_SendsRetryPromptWithButtons()
    {
        // Arrange
        var flow = Asking().Send("hi").AssertReply("Shall I open a ticket?");

        // Act + Assert
        await flow
            .Send("maybe later").AssertReply(reply =>
            {
                Assert.Equal("Please answer yes or no. Shall I open a ticket?", reply.Text);
                Assert.Equal(2, reply.SuggestedActions!.Actions!.Count);
            })
            .Send("Yes").AssertReply("Got yes")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("nothing")]
    [InlineData("yesterday")]
    public void Recognize_NeitherYesNorNo_ReturnsNull(string answer)
    {
        // Act
        var result = ConfirmRecognizer.Recognize(answer);

        // Assert
        Assert.Null(result);
    }
}
