using Moq;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests;

public sealed class DialogContextTests
{
    private readonly ITurnContext _turn = new Mock<ITurnContext>().Object;

    [Fact]
    public async Task BeginDialogAsync_UnknownId_ThrowsArgumentException()
    {
        // Arrange
        var dc = new DialogContext(new DialogSet(), _turn, new DialogState());

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => dc.BeginDialogAsync("missing"));

        // Assert
        Assert.Contains("missing", ex.Message);
        Assert.Empty(dc.Stack);
    }

    [Fact]
    public async Task ContinueDialogAsync_EmptyStack_ReturnsEmpty()
    {
        // Arrange
        var dc = new DialogContext(new DialogSet(), _turn, new DialogState());

        // Act
        var result = await dc.ContinueDialogAsync();

        // Assert
        Assert.Equal(DialogTurnStatus.Empty, result.Status);
    }

    [Fact]
    public async Task EndDialogAsync_ChildActive_ResumesParentWithResult()
    {
        // Arrange
        var parent = new RecordingDialog("parent");
        var child = new RecordingDialog("child");
        var dc = new DialogContext(new DialogSet().Add(parent).Add(child), _turn, new DialogState());
        await dc.BeginDialogAsync("parent");
        await dc.BeginDialogAsync("child", "opts");

        // Act
        await dc.EndDialogAsync("answer");

        // Assert
        Assert.Equal(["begin:opts", "end:EndCalled"], child.Calls);
        Assert.Equal(["begin:", "resume:EndCalled:answer"], parent.Calls);
        Assert.Equal("parent", dc.ActiveDialog!.Id);
    }

    [Fact]
    public async Task EndDialogAsync_LastDialog_ReturnsCompleteWithResult()
    {
        // Arrange
        var dc = new DialogContext(new DialogSet().Add(new RecordingDialog("only")), _turn, new DialogState());
        await dc.BeginDialogAsync("only");

        // Act
        var result = await dc.EndDialogAsync(7);

        // Assert
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, 7), result);
        Assert.Null(dc.ActiveDialog);
    }

    [Fact]
    public async Task ReplaceDialogAsync_ChildActive_StartsNewDialogWithoutResumingParent()
    {
        // Arrange
        var parent = new RecordingDialog("parent");
        var first = new RecordingDialog("first");
        var second = new RecordingDialog("second");
        var dc = new DialogContext(new DialogSet().Add(parent).Add(first).Add(second), _turn, new DialogState());
        await dc.BeginDialogAsync("parent");
        await dc.BeginDialogAsync("first");

        // Act
        var result = await dc.ReplaceDialogAsync("second", "again");

        // Assert
        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["second", "parent"], dc.Stack.Select(i => i.Id));
        Assert.Equal(["begin:", "end:ReplaceCalled"], first.Calls);
        Assert.Equal(["begin:again"], second.Calls);
        Assert.Equal(["begin:"], parent.Calls);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_NestedStack_EndsEachWithCancelAndEmptiesStack()
    {
        // Arrange
        var parent = new RecordingDialog("parent");
        var child = new RecordingDialog("child");
        var dc = new DialogContext(new DialogSet().Add(parent).Add(child), _turn, new DialogState());
        await dc.BeginDialogAsync("parent");
        await dc.BeginDialogAsync("child");

        // Act
        var result = await dc.CancelAllDialogsAsync();

        // Assert
        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Empty(dc.Stack);
        Assert.Equal("end:CancelCalled", child.Calls[^1]);
        Assert.Equal("end:CancelCalled", parent.Calls[^1]);
    }

    [Fact]
    public async Task CancelAllDialogsAsync_EmptyStack_ReturnsEmpty()
    {
        // Arrange
        var dc = new DialogContext(new DialogSet(), _turn, new DialogState());

        // Act
        var result = await dc.CancelAllDialogsAsync();

        // Assert
        Assert.Equal(DialogTurnStatus.Empty, result.Status);
    }

    [Fact]
    public async Task ContinueDialogAsync_ActiveIdNotRegistered_ThrowsStaleDialogState()
    {
        // Arrange
        var state = new DialogState([new DialogInstance("retired")]);
        var dc = new DialogContext(new DialogSet(), _turn, state);

        // Act + Assert
        await Assert.ThrowsAsync<StaleDialogStateException>(() => dc.ContinueDialogAsync());
    }

    [Fact]
    public void FindDialog_IdInParentSet_FindsIt()
    {
        // Arrange
        var outer = new DialogContext(new DialogSet().Add(new RecordingDialog("shared")), _turn, new DialogState());
        var inner = new DialogContext(new DialogSet(), _turn, new DialogState(), outer);

        // Act
        var found = inner.FindDialog("shared");

        // Assert
        Assert.Equal("shared", found?.Id);
    }
}
