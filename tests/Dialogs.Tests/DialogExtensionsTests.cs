using SupportBot.Dialogs.Prompts;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests;

public sealed class DialogExtensionsTests
{
    [Fact]
    public async Task RunAsync_StoredStackNamesUnknownDialog_ApologisesAndStartsOver()
    {
        // Arrange: an older version of the bot left a dialog this one no longer has.
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .SeedState("""{"DialogState":{"stack":[{"id":"legacyRefundDialog","state":{"step":3}}]}}""");

        // Act + Assert
        await flow
            .Send("hello?").AssertReply(DialogExtensions.StaleStateMessage).AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_UnknownDialogInsideComponent_ApologisesAndStartsOver()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .SeedState("""{"DialogState":{"stack":[{"id":"IntakeDialog","children":{"stack":[{"id":"oldPrompt","state":{}},{"id":"intake","state":{"step":0}}]}}]}}""");

        // Act + Assert
        await flow
            .Send("Ann").AssertReply(DialogExtensions.StaleStateMessage).AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_UpgradeRemovedWaterfallSteps_ApologisesAndStartsOver()
    {
        // Arrange: version 1 has three steps and leaves the customer on the third.
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .Send("yes").AssertReply(reply => Assert.StartsWith("What can I help with?", reply.Text));
        await flow.StartTestAsync();
        var upgraded = TestFlow.ForDialog(() => new ComponentDialog(nameof(IntakeDialog))
            .AddDialog(new WaterfallDialog("intake", [(step, ct) => step.PromptAsync("topic", PromptOptions.FromText("Version 2: what's up?"), ct)]))
            .AddDialog(new TextPrompt("topic")), flow.Storage);

        // Act + Assert: version 2 resumes the waterfall after step 2, which it no longer has.
        await upgraded
            .Send("Refund").AssertReply(DialogExtensions.StaleStateMessage).AssertReply("Version 2: what's up?")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_WaterfallStepIndexOutOfRange_ApologisesAndStartsOver()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new WaterfallDialog("root", [
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync("Step one.", cancellationToken: ct);
                    return Dialog.EndOfTurn;
                },
            ]))
            .SeedState("""{"DialogState":{"stack":[{"id":"root","state":{"step":9}}]}}""");

        // Act + Assert
        await flow
            .Send("hi").AssertReply(DialogExtensions.StaleStateMessage).AssertReply("Step one.")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_StateFromAnotherKindOfDialog_ApologisesAndStartsOver()
    {
        // Arrange: the id now names a prompt, but the saved state is a waterfall's.
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new TextPrompt("ask"), PromptOptions.FromText("Name?")))
            .SeedState("""{"DialogState":{"stack":[{"id":"ask","state":{"step":1}},{"id":"root","state":{"step":0}}]}}""");

        // Act + Assert
        await flow
            .Send("Ann").AssertReply(DialogExtensions.StaleStateMessage).AssertReply("Name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_UnreadableState_ApologisesAndStartsOver()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .SeedState("""{"DialogState":{"stack":"not a stack"}}""");

        // Act + Assert
        await flow
            .Send("hi").AssertReply(DialogExtensions.StaleStateMessage).AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .StartTestAsync();
    }

    [Fact]
    public async Task RunAsync_NothingStored_BeginsRootWithoutApology()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog());

        // Act
        await flow.Send("hi").AssertReply("What's your name?").StartTestAsync();

        // Assert
        Assert.Equal(DialogTurnStatus.Waiting, flow.LastResult!.Status);
    }
}
