using SupportBot.Core.Schema;
using SupportBot.Dialogs.Prompts;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests.Prompts;

public sealed class ChoicePromptTests
{
    private static readonly Choice[] Remedies =
    [
        new("Refund") { Synonyms = ["money back"] },
        new("Replacement"),
        new("Request a callback"),
    ];

    private static TestFlow Asking(PromptValidator<FoundChoice>? validator = null) => TestFlow.ForDialogs("root", PromptFlows.Asking(
        new ChoicePrompt("remedy", validator),
        PromptOptions.FromText("What would make it right?", "Please pick one of these:", Remedies)));

    [Fact]
    public async Task BeginDialog_Choices_SentAsImBackSuggestedActions()
    {
        // Arrange
        var flow = Asking();

        // Act + Assert
        await flow.Send("hi").AssertReply(reply =>
        {
            var actions = reply.SuggestedActions!.Actions!;
            Assert.Equal(["Refund", "Replacement", "Request a callback"], actions.Select(a => a.Title));
            Assert.All(actions, a => Assert.Equal(ActionTypes.ImBack, a.Type));
            Assert.Equal(["Refund", "Replacement", "Request a callback"], actions.Select(a => a.Value!.Value.GetString()));
        }).StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_Choices_ListedInTextForChannelsWithoutButtons()
    {
        // Arrange
        var flow = Asking();

        // Act + Assert
        await flow.Send("hi").AssertReply("What would make it right? (1) Refund, (2) Replacement, or (3) Request a callback").StartTestAsync();
    }

    [Theory]
    [InlineData("Refund", "Refund #0")]
    [InlineData("rEfUnD", "Refund #0")]
    [InlineData("money back", "Refund #0")]
    [InlineData("2", "Replacement #1")]
    [InlineData("3.", "Request a callback #2")]
    [InlineData("replace", "Replacement #1")]
    [InlineData("callback", "Request a callback #2")]
    [InlineData("a refund please", "Refund #0")]
    public async Task ContinueDialog_Answer_RecognisesChoice(string answer, string expected)
    {
        // Arrange
        var flow = Asking().Send("hi").AssertReply(_ => { });

        // Act + Assert
        await flow.Send(answer).AssertReply($"Got {expected}").StartTestAsync();
    }

    [Theory]
    [InlineData("4")]
    [InlineData("re")]
    [InlineData("refund or replacement")]
    [InlineData("a discount")]
    public async Task ContinueDialog_NoneOrSeveralMatch_SendsRetryPromptWithChoices(string answer)
    {
        // Arrange
        var flow = Asking().Send("hi").AssertReply(_ => { });

        // Act + Assert
        await flow
            .Send(answer).AssertReply(reply =>
            {
                Assert.Equal("Please pick one of these: (1) Refund, (2) Replacement, or (3) Request a callback", reply.Text);
                Assert.Equal(3, reply.SuggestedActions!.Actions!.Count);
            })
            .Send("1").AssertReply("Got Refund #0")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_ValidatorRejectsChoice_RetriesAndKeepsChoices()
    {
        // Arrange: refunds are not allowed for this order.
        var flow = Asking((prompt, ct) => Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value!.Value != "Refund"))
            .Send("hi").AssertReply(_ => { });

        // Act + Assert
        await flow
            .Send("refund").AssertReply(reply => Assert.StartsWith("Please pick one of these:", reply.Text))
            .Send("replacement").AssertReply("Got Replacement #1")
            .StartTestAsync();
    }

    [Fact]
    public void Recognize_PartialMatch_ScoresBelowExact()
    {
        // Act
        var exact = ChoiceRecognizer.Recognize("Replacement", Remedies);
        var partial = ChoiceRecognizer.Recognize("replace", Remedies);

        // Assert
        Assert.Equal(new FoundChoice("Replacement", 1, 1.0), exact);
        Assert.Equal(1, partial!.Index);
        Assert.InRange(partial.Score, 0.1, 0.99);
    }

    [Fact]
    public void AppendList_TwoChoices_JoinsWithOr()
    {
        // Act
        var text = ChoicePrompt.AppendList("Which?", [new("Email"), new("Phone")]);

        // Assert
        Assert.Equal("Which? (1) Email or (2) Phone", text);
    }
}
