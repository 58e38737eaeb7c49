using SupportBot.Core.Schema;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests;

public sealed class ComponentDialogTests
{
    private const string TopicPrompt = "What can I help with? (1) Refund, (2) Replacement, or (3) Callback";

    [Fact]
    public async Task ContinueDialog_FullIntake_CompletesWithChoice()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog());

        // Act + Assert
        await flow
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .Send("yes").AssertReply(TopicPrompt)
            .Send("money back").AssertReply("Thanks Ann, I'll arrange a refund.")
            .StartTestAsync();
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "Refund"), flow.LastResult);
    }

    [Fact]
    public async Task OnInterruptAsync_HelpAtTextPrompt_AnswersAndRepromptsInsteadOfTakingItAsName()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .Send("hi").AssertReply("What's your name?");

        // Act + Assert
        await flow
            .Send("help").AssertReply(IntakeDialog.HelpText).AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnInterruptAsync_HelpAtConfirmPrompt_RepromptKeepsYesNoButtons()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?");

        // Act + Assert
        await flow
            .Send("HELP").AssertReply(IntakeDialog.HelpText)
            .AssertReply(reply =>
            {
                Assert.Equal("Is Ann right?", reply.Text);
                Assert.Equal(["Yes", "No"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
            })
            .Send("yes").AssertReply(TopicPrompt)
            .StartTestAsync();
    }

    [Fact]
    public async Task OnInterruptAsync_HelpAtChoicePrompt_RepromptListsChoicesAgain()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .Send("yes").AssertReply(TopicPrompt);

        // Act + Assert
        await flow
            .Send("help").AssertReply(IntakeDialog.HelpText)
            .AssertReply(reply =>
            {
                Assert.Equal(TopicPrompt, reply.Text);
                Assert.Equal(3, reply.SuggestedActions!.Actions!.Count);
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
            })
            .Send("2").AssertReply("Thanks Ann, I'll arrange a replacement.")
            .StartTestAsync();
    }

    [Fact]
    public async Task OnInterruptAsync_Cancel_EndsComponentAsCancelled()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?");

        // Act
        await flow.Send("cancel").AssertReply(IntakeDialog.CancelledText).StartTestAsync();

        // Assert
        Assert.Equal(DialogTurnStatus.Cancelled, flow.LastResult!.Status);
        var stack = (await flow.ReadStateAsync())!.Value.GetProperty("DialogState").GetProperty("stack");
        Assert.Equal(0, stack.GetArrayLength());
    }

    [Fact]
    public async Task OnInterruptAsync_AfterCancel_NextMessageStartsOver()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .Send("hi").AssertReply("What's your name?")
            .Send("cancel").AssertReply(IntakeDialog.CancelledText);

        // Act + Assert
        await flow.Send("hello").AssertReply("What's your name?").StartTestAsync();
    }

    [Fact]
    public async Task ReplaceDialogAsync_NameNotConfirmed_RestartsInnerWaterfall()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog())
            .Send("hi").AssertReply("What's your name?")
            .Send("Anne").AssertReply("Is Anne right?");

        // Act + Assert
        await flow
            .Send("no").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .StartTestAsync();
    }

    [Fact]
    public async Task EndDialogAsync_ComponentInsideWaterfall_ResumesParentWithComponentResult()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("main", () =>
        [
            new WaterfallDialog("main", [
                (step, ct) => step.BeginDialogAsync(nameof(IntakeDialog), null, ct),
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync($"Ticket opened: {step.Result}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]),
            new IntakeDialog(),
        ]);

        // Act + Assert
        await flow
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .Send("y").AssertReply(TopicPrompt)
            .Send("call").AssertReply("Thanks Ann, I'll arrange a callback.").AssertReply("Ticket opened: Callback")
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialogAsync_InnerState_KeptInComponentChildren()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog()).Send("hi").AssertReply("What's your name?");

        // Act
        await flow.StartTestAsync();

        // Assert
        var root = (await flow.ReadStateAsync())!.Value.GetProperty("DialogState").GetProperty("stack")[0];
        Assert.Equal(nameof(IntakeDialog), root.GetProperty("id").GetString());
        var inner = root.GetProperty("children").GetProperty("stack");
        Assert.Equal(["name", "intake"], inner.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }
}
