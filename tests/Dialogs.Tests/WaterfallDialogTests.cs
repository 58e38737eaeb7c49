using System.Text.Json;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;
using SupportBot.Dialogs.Prompts;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests;

public sealed class WaterfallDialogTests
{
    private static IEnumerable<Dialog> NameAndAge() =>
    [
        new WaterfallDialog("profile", [
            (step, ct) => step.PromptAsync("text", PromptOptions.FromText("What's your name?"), ct),
            (step, ct) =>
            {
                step.Values["name"] = (string)step.Result!;
                return step.PromptAsync("number", PromptOptions.FromText($"How old are you, {step.Result}?"), ct);
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"{step.Values["name"]} is {step.Result}.", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]),
        new TextPrompt("text"),
        new NumberPrompt<int>("number"),
    ];

    [Fact]
    public async Task ContinueDialog_AcrossTurns_EachStepGetsPreviousAnswer()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("profile", NameAndAge);

        // Act + Assert
        await flow
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How old are you, Ann?")
            .Send("42").AssertReply("Ann is 42.")
            .StartTestAsync();
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 42), flow.LastResult);
    }

    [Fact]
    public async Task ContinueDialog_ProcessRestartedBetweenTurns_ResumesFromStorage()
    {
        // Arrange: the second flow has its own adapter and dialogs; only the storage is shared.
        var storage = new MemoryStorage();
        await TestFlow.ForDialogs("profile", NameAndAge, storage)
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How old are you, Ann?")
            .StartTestAsync();

        // Act + Assert
        await TestFlow.ForDialogs("profile", NameAndAge, storage)
            .Send("37").AssertReply("Ann is 37.")
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_AfterPrompt_StoresStepIndexAndValues()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("profile", NameAndAge)
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How old are you, Ann?");

        // Act
        await flow.StartTestAsync();

        // Assert: the prompt on top, the waterfall below it at step 1 with the name kept.
        var stack = (await flow.ReadStateAsync())!.Value.GetProperty("DialogState").GetProperty("stack");
        Assert.Equal("number", stack[0].GetProperty("id").GetString());
        Assert.Equal("profile", stack[1].GetProperty("id").GetString());
        Assert.Equal(1, stack[1].GetProperty("state").GetProperty("step").GetInt32());
        Assert.Equal("Ann", stack[1].GetProperty("state").GetProperty("values").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ContinueDialog_AfterLastStep_NextMessageStartsOver()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("profile", NameAndAge)
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("How old are you, Ann?")
            .Send("42").AssertReply("Ann is 42.");

        // Act + Assert
        await flow.Send("hello again").AssertReply("What's your name?").StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_FromStep_RunsNextStepInSameTurn()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new WaterfallDialog("skip", [
            (step, ct) => step.NextAsync("skipped ahead", ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Step {step.Index}: {step.Result} ({step.Reason})", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));

        // Act + Assert
        await flow.Send("go").AssertReply("Step 1: skipped ahead (NextCalled)").StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_CalledTwice_ThrowsInvalidOperation()
    {
        // Arrange
        Exception? caught = null;
        var flow = TestFlow.ForDialog(() => new WaterfallDialog("twice", [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                caught = await Record.ExceptionAsync(() => step.NextAsync(null, ct));
                return Dialog.EndOfTurn;
            },
            (step, ct) => Task.FromResult(Dialog.EndOfTurn),
        ]));

        // Act
        await flow.Send("go").StartTestAsync();

        // Assert
        Assert.IsType<InvalidOperationException>(caught);
    }

    [Fact]
    public async Task GetOptions_OnLaterTurn_ReadsOptionsBackFromState()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("outer", () =>
        [
            new WaterfallDialog("outer", [(step, ct) => step.BeginDialogAsync("inner", new Order("4411", 2), ct)]),
            new WaterfallDialog("inner", [
                (step, ct) => step.PromptAsync("text", PromptOptions.FromText($"Order {step.GetOptions<Order>()!.Number}: what went wrong?"), ct),
                async (step, ct) =>
                {
                    var order = step.GetOptions<Order>()!;
                    await step.Context.SendActivityAsync($"Noted for order {order.Number} ({order.Items} items): {step.Result}", cancellationToken: ct);
                    return await step.EndDialogAsync(null, ct);
                },
            ]),
            new TextPrompt("text"),
        ]);

        // Act + Assert
        await flow
            .Send("hi").AssertReply("Order 4411: what went wrong?")
            .Send("cracked screen").AssertReply("Noted for order 4411 (2 items): cracked screen")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_NonMessageActivity_KeepsWaiting()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("profile", NameAndAge)
            .Send("hi").AssertReply("What's your name?");

        // Act + Assert: a typing indicator is no answer.
        await flow
            .Send(new Activity { Type = ActivityTypes.Typing }).AssertNoReply()
            .Send("Ann").AssertReply("How old are you, Ann?")
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_WithoutPrompts_UserTextIsNextStepsResult()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new WaterfallDialog("echo", [
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync("Say something.", cancellationToken: ct);
                return Dialog.EndOfTurn;
            },
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"You said {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));

        // Act + Assert
        await flow
            .Send("hi").AssertReply("Say something.")
            .Send("pineapple").AssertReply("You said pineapple")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_ChannelRetriesSameActivity_AnswersAgainWithoutAdvancing()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("profile", NameAndAge)
            .Send("hi").AssertReply("What's your name?");

        // Act + Assert: the retry gets the first turn's reply back; the dialog still waits for the age.
        await flow
            .Send(new Activity { Type = ActivityTypes.Message, Id = "retry-1", Text = "Ann" }).AssertReply("How old are you, Ann?")
            .Send(new Activity { Type = ActivityTypes.Message, Id = "retry-1", Text = "Ann" }).AssertReply("How old are you, Ann?")
            .Send("42").AssertReply("Ann is 42.")
            .StartTestAsync();
    }

    private sealed record Order(string Number, int Items);
}
