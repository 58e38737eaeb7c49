using SupportBot.Connectors.Console;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Connectors.Console;

public sealed class ConsoleActivityMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToActivity_Line_IsConsoleMessageFromTheUserToTheBot()
    {
        var options = new ConsoleOptions { ConversationId = "c-1" };

        var activity = ConsoleActivityMapper.ToActivity("my parcel arrived broken", options, "a-1", Now);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("a-1", activity.Id);
        Assert.Equal(Now, activity.Timestamp);
        Assert.Equal("console", activity.ChannelId);
        Assert.Equal("c-1", activity.Conversation?.Id);
        Assert.Equal(("console-user", "user"), (activity.From?.Id, activity.From?.Role));
        Assert.Equal(("supportbot", "bot"), (activity.Recipient?.Id, activity.Recipient?.Role));
        Assert.Equal("my parcel arrived broken", activity.Text);
        ActivityJson.Validate(activity);
    }

    [Fact]
    public void ToText_MessageWithSuggestedActions_ShowsButtonsInBrackets()
    {
        var activity = ActivityExtensions.CreateMessage("What would make this right for you?");
        activity.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Refund"), CardAction.ImBack("Replacement")] };

        var text = ConsoleActivityMapper.ToText(activity);

        Assert.Equal("What would make this right for you?\n[Refund] [Replacement]", text);
    }

    [Fact]
    public void ToText_Typing_ShowsNothing()
    {
        Assert.Null(ConsoleActivityMapper.ToText(new Activity { Type = ActivityTypes.Typing }));
    }
}
