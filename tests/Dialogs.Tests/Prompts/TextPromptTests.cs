using SupportBot.Core.Schema;
using SupportBot.Dialogs.Prompts;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests.Prompts;

public sealed class TextPromptTests
{
    [Fact]
    public async Task ContinueDialog_AnyText_EndsWithTrimmedText()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new TextPrompt("name"), PromptOptions.FromText("What's your name?")));

        // Act + Assert
        await flow
            .Send("hi").AssertReply(reply =>
            {
                Assert.Equal("What's your name?", reply.Text);
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
            })
            .Send("  Ann Smith ").AssertReply("Got Ann Smith")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_ValidatorRejects_SendsRetryPromptUntilValid()
    {
        // Arrange
        PromptValidator<string> orderNumber = (prompt, ct) => Task.FromResult(prompt.Recognized.Value!.All(char.IsDigit));
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(
            new TextPrompt("order", orderNumber),
            PromptOptions.FromText("Your order number?", "Order numbers are digits only, like 4411. Your order number?")));

        // Act + Assert
        await flow
            .Send("hi").AssertReply("Your order number?")
            .Send("the blue one").AssertReply("Order numbers are digits only, like 4411. Your order number?")
            .Send("4411").AssertReply("Got 4411")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_ValidatorRejectsWithoutRetryPrompt_RepeatsPrompt()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(
            new TextPrompt("email", (prompt, ct) => Task.FromResult(prompt.Recognized.Value!.Contains('@'))),
            PromptOptions.FromText("Your email?")));

        // Act + Assert
        await flow
            .Send("hi").AssertReply("Your email?")
            .Send("ann at example").AssertReply("Your email?")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_ValidatorSendsOwnReply_NoRetryPromptAdded()
    {
        // Arrange
        PromptValidator<string> explain = async (prompt, ct) =>
        {
            if (prompt.Recognized.Value!.Length >= 3)
            {
                return true;
            }

            await prompt.Context.SendActivityAsync("That looks too short for a name.", cancellationToken: ct);
            return false;
        };
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new TextPrompt("name", explain), PromptOptions.FromText("Name?", "Name, please?")));

        // Act + Assert
        await flow
            .Send("hi").AssertReply("Name?")
            .Send("A").AssertReply("That looks too short for a name.")
            .Send("Ann").AssertReply("Got Ann")
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_EachAnswer_SeesAttemptCountAcrossTurns()
    {
        // Arrange: after three tries the validator gives up and takes what it has.
        var attempts = new List<int>();
        PromptValidator<string> patient = (prompt, ct) =>
        {
            attempts.Add(prompt.AttemptCount);
            return Task.FromResult(prompt.Recognized.Value == "yes please" || prompt.AttemptCount >= 3);
        };
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new TextPrompt("ask", patient), PromptOptions.FromText("Anything else?", "Sorry?")));

        // Act
        await flow
            .Send("hi").AssertReply("Anything else?")
            .Send("hmm").AssertReply("Sorry?")
            .Send("err").AssertReply("Sorry?")
            .Send("whatever").AssertReply("Got whatever")
            .StartTestAsync();

        // Assert
        Assert.Equal([1, 2, 3], attempts);
    }

    [Fact]
    public async Task BeginDialog_OptionsNotPromptOptions_ThrowsArgumentException()
    {
        // Arrange
        var dc = new DialogContext(new DialogSet().Add(new TextPrompt("text")), new Moq.Mock<Core.Turns.ITurnContext>().Object, new DialogState());

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() => dc.BeginDialogAsync("text", "What's your name?"));
    }
}
