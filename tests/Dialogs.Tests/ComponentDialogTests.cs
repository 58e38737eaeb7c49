using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests;

public sealed class ComponentDialogTests
{
    [Fact]
    public async Task ContinueDialog_FullIntake_CompletesWithChoice()
    {
        // Arrange
        var flow = TestFlow.ForDialog(() => new IntakeDialog());

        // Act + Assert
        await flow
            .Send("hi").AssertReply("What's your name?")
            .Send("Ann").AssertReply("Is Ann right?")
            .Send("yes").AssertReply("What can I help with? (1) Refund, (2) Replacement, or (3) Callback")
            .Send("money back").AssertReply("Thanks Ann, I'll arrange a refund.")
            .StartTestAsync();
        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "Refund"), flow.LastResult);
    }
}
