using System.Text.Json;
using SupportBot.Connectors.BotService.Teams;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Teams;

public sealed class TeamsMentionsTests
{
    private const string BotId = "28:0047c760-1f42-4a78-b1bd-9ecd95ec3615";

    [Fact]
    public void RelayText_BotMentionEntity_Removed()
    {
        var activity = Message("\r\n<at>SupportBot</at> Hi Maya, I'm sending a replacement today.\r\n", Mention(BotId, "SupportBot", "<at>SupportBot</at>"));

        Assert.Equal("Hi Maya, I'm sending a replacement today.", TeamsMentions.RelayText(activity));
    }

    [Fact]
    public void RelayText_BotMentionWithoutEntity_RemovedByName()
    {
        var activity = Message("<at>supportbot</at>   thanks for waiting");

        Assert.Equal("thanks for waiting", TeamsMentions.RelayText(activity));
    }

    [Fact]
    public void RelayText_OtherPeople_KeepTheirNames()
    {
        var activity = Message(
            "<at>SupportBot</at> I've asked <at>Ben Ortiz</at> from billing to check the refund",
            Mention(BotId, "SupportBot", "<at>SupportBot</at>"),
            Mention("29:ben", "Ben Ortiz", "<at>Ben Ortiz</at>"));

        Assert.Equal("I've asked Ben Ortiz from billing to check the refund", TeamsMentions.RelayText(activity));
    }

    [Fact]
    public void RelayText_SkypeStyleTagWithId_Removed()
    {
        var activity = Message($"<at id=\"{BotId}\">SupportBot</at> ok", Mention(BotId, "SupportBot", $"<at id=\"{BotId}\">SupportBot</at>"));

        Assert.Equal("ok", TeamsMentions.RelayText(activity));
    }

    [Fact]
    public void RelayText_MentionInTheMiddle_Removed()
    {
        var activity = Message("Thanks <at>SupportBot</at>, I'll take it from here", Mention(BotId, "SupportBot", "<at>SupportBot</at>"));

        Assert.Equal("Thanks , I'll take it from here", TeamsMentions.RelayText(activity));
    }

    [Fact]
    public void RelayText_EntitiesDecodedLinesKept()
    {
        var activity = Message("<at>SupportBot</at>&nbsp;Fish &amp; chips\nsecond line");

        Assert.Equal("Fish & chips\nsecond line", TeamsMentions.RelayText(activity));
    }

    [Theory]
    [InlineData("<at>SupportBot</at>")]
    [InlineData("  ")]
    [InlineData(null)]
    public void RelayText_OnlyMention_Empty(string? text) =>
        Assert.Equal(string.Empty, TeamsMentions.RelayText(Message(text)));

    [Fact]
    public void RelayText_NoMentions_Unchanged() =>
        Assert.Equal("Your replacement ships today.", TeamsMentions.RelayText(Message("Your replacement ships today.")));

    private static Activity Message(string? text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Text = text,
        From = new ChannelAccount("29:ana", "Ana Souza"),
        Recipient = new ChannelAccount(BotId, "SupportBot"),
        Conversation = new ConversationAccount("19:support@thread.tacv2;messageid=1700000000000"),
        Entities = entities.Length == 0 ? null : [.. entities],
    };

    private static Entity Mention(string id, string name, string text)
    {
        var json = $$"""{"mentioned":{"id":{{JsonSerializer.Serialize(id)}},"name":{{JsonSerializer.Serialize(name)}}},"text":{{JsonSerializer.Serialize(text)}}}""";
        using var document = JsonDocument.Parse(json);
        return new Entity
        {
            Type = "mention",
            Properties = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };
    }
}
