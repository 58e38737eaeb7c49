using SupportBot.Connectors.Email;
using SupportBot.Core.Schema;

namespace SupportBot.Email.Tests;

public sealed class EmailTurnCollectorTests
{
    [Fact]
    public void Merge_TurnMessages_OneMessageWithParagraphsAndTheLastQuestionsOptions()
    {
        var reflection = ActivityExtensions.CreateMessage("So your order 4411 arrived damaged.");
        var question = ActivityExtensions.CreateMessage("I'm sorry. What would make this right?");
        question.SuggestedActions = new SuggestedActions { Actions = [new CardAction { Type = "imBack", Title = "Refund" }] };

        var merged = EmailTurnCollector.Merge([reflection, question]);

        Assert.Equal("So your order 4411 arrived damaged.\n\nI'm sorry. What would make this right?", merged.Text);
        Assert.Equal("Refund", Assert.Single(merged.SuggestedActions!.Actions!).Title);
    }
}
