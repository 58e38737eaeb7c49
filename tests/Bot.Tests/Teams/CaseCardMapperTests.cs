using SupportBot.Connectors.BotService.Teams;
using SupportBot.Connectors.BotService.Teams.Cards;
using SupportBot.Core.Handoff;
using SupportBot.Core.Schema;
using SupportBot.Core.Sentiment.Mood;

namespace SupportBot.Bot.Tests.Teams;

public sealed class CaseCardMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_Case_CarriesContextIntoTheCard()
    {
        var card = CaseCardMapper.From(Case());

        Assert.Equal("H-1001", card.CaseId);
        Assert.Equal(CaseCardState.WithAgent, card.State);
        Assert.Equal("Sam Rivera", card.CustomerName);
        Assert.Equal("directline", card.Channel);
        Assert.Equal("sentiment", card.Reason);
        Assert.Equal(["intensity", "asks-for-human"], card.ReasonDetails);
        Assert.Equal("lead", card.Stage);
        Assert.Equal("Order 4411 arrived damaged.", card.Summary);
        Assert.Contains(new KeyValuePair<string, string>("orderNumber", "4411"), card.Facts);
        Assert.Equal(["T-1042 (open)", "T-0999 (resolved)"], card.Tickets);
        Assert.Equal([-0.2, -0.9], card.MoodScores);
        Assert.Equal(["caps", "demand"], card.MoodReasons);
        Assert.Equal("Ana Souza", card.AgentName);
        Assert.Equal("teams", card.AgentHub);
    }

    [Fact]
    public void From_Transcript_NamesSpeakers()
    {
        var card = CaseCardMapper.From(Case());

        Assert.Equal(
            [("Sam Rivera", "my screen is cracked", true), ("SupportBot", "I'm sorry to hear that.", false), ("Ana Souza", "Hi Sam, Ana here.", false), ("Sam Rivera", "(attachment: photo.jpg)", true)],
            card.Transcript.Select(l => (l.Speaker, l.Text, l.FromCustomer)));
    }

    [Theory]
    [InlineData(HandoffStatus.Waiting, CaseCardState.Waiting)]
    [InlineData(HandoffStatus.WithAgent, CaseCardState.WithAgent)]
    [InlineData(HandoffStatus.Closed, CaseCardState.Resolved)]
    [InlineData(HandoffStatus.ReturnedToBot, CaseCardState.ReturnedToBot)]
    [InlineData(HandoffStatus.Failed, CaseCardState.Failed)]
    public void StateOf_MapsEveryStatus(HandoffStatus status, CaseCardState state) =>
        Assert.Equal(state, CaseCardMapper.StateOf(status));

    [Fact]
    public void CustomerName_FallsBackToChannelAccount()
    {
        var handoffCase = Case() with { Context = Case().Context with { Customer = new HandoffCustomer(null, null, [], [], []) } };

        Assert.Equal("dl_sam", CaseCardMapper.CustomerName(handoffCase));
    }

    private static HandoffCase Case() => new()
    {
        Id = "H-1001",
        Reference = new ConversationReference
        {
            ChannelId = "directline",
            Conversation = new ConversationAccount("conv-1"),
            User = new ChannelAccount("dl_sam", role: RoleTypes.User),
            Bot = new ChannelAccount("supportbot", "SupportBot", RoleTypes.Bot),
        },
        Status = HandoffStatus.WithAgent,
        Reason = new HandoffReason("sentiment", ["intensity", "asks-for-human"]),
        Agent = new AgentRef("aad-ana", "Ana Souza", AgentHubs.Teams),
        CreatedAt = At,
        UpdatedAt = At,
        Context = new HandoffContext
        {
            Customer = new HandoffCustomer("Sam Rivera", "C-1", [new CustomerIdentity("directline", "dl_sam")],
                [new HandoffTicket("T-1042", "cracked screen", "open", At)], [new HandoffTicket("T-0999", "late", "resolved", At.AddDays(-9))]),
            Channel = "directline",
            Stage = "lead",
            Facts = new Dictionary<string, string> { ["orderNumber"] = "4411" },
            Tried = ["replacement offered"],
            Mood = new HandoffMood(-0.6, "worsening", [
                new MoodPoint(At, -0.2, -0.2, false, 0.2, ["caps"]),
                new MoodPoint(At.AddMinutes(1), -0.9, -0.6, true, 0.9, ["caps", "demand"])]),
            Summary = "Order 4411 arrived damaged.",
            Transcript =
            [
                Message("dl_sam", null, RoleTypes.User, "my screen is cracked"),
                Message("supportbot", "SupportBot", RoleTypes.Bot, "I'm sorry to hear that."),
                new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount("supportbot", role: RoleTypes.Bot) },
                Message("supportbot", "Ana Souza", RoleTypes.Bot, "Hi Sam, Ana here."),
                Message("dl_sam", null, RoleTypes.User, null) with { Attachments = [new Attachment { ContentType = "image/jpeg", Name = "photo.jpg" }] },
            ],
        },
    };

    private static Activity Message(string id, string? name, string role, string? text) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount(id, name, role),
        Text = text,
        Timestamp = At,
    };
}
