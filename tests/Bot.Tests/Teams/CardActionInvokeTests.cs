using System.Text.Json;
using SupportBot.Connectors.BotService.Teams;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Teams;

public sealed class CardActionInvokeTests
{
    private const string Thread = "19:support0123@thread.tacv2;messageid=1700000000001";
    private static readonly TeamsPayloads Teams = TeamsPayloads.Default;

    [Theory]
    [InlineData("accept")]
    [InlineData("resolve")]
    [InlineData("return")]
    [InlineData("refresh")]
    public void Parse_TeamsPayload_ReadsVerbCaseAndAgent(string verb)
    {
        var activity = TeamsPayloads.Parse(Teams.CardAction(Thread, verb, "H-1001"));

        Assert.True(CardActionInvoke.IsCardAction(activity));
        var invoke = CardActionInvoke.Parse(activity);

        Assert.Equal(new CardActionInvoke(verb, "H-1001", null, "6b2b-ana", "Ana Souza"), invoke);
    }

    [Fact]
    public void Parse_NoteInput_Read()
    {
        var activity = TeamsPayloads.Parse(Teams.CardAction(Thread, "resolve", "H-1001", note: "  Replacement sent, refund of £20 for the wait  "));

        Assert.Equal("Replacement sent, refund of £20 for the wait", CardActionInvoke.Parse(activity).Note);
    }

    [Fact]
    public void Parse_NoAadObjectId_UsesTeamsId()
    {
        var activity = TeamsPayloads.Parse(Teams.CardAction(Thread, "accept", "H-1001"));
        activity.From = new ChannelAccount("29:ana-teams-id", null);

        var invoke = CardActionInvoke.Parse(activity);

        Assert.Equal("29:ana-teams-id", invoke.AgentId);
        Assert.Equal("An agent", invoke.AgentName);
    }

    [Theory]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"accept","data":{"caseId":"H-1"}}}""", "Only Action.Execute")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"delete","data":{"caseId":"H-1"}}}""", "Unknown verb 'delete'")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"accept","data":{}}}""", "no 'caseId'")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":"accept"}}""", "no 'caseId'")]
    [InlineData("""{"action":"accept"}""", "no 'value.action'")]
    [InlineData("""[1,2]""", "no 'value.action'")]
    public void Parse_Malformed_ClearError(string value, string message)
    {
        var activity = TeamsPayloads.Parse(Teams.CardAction(Thread, "accept", "H-1001"));
        activity.Value = JsonDocument.Parse(value).RootElement.Clone();

        var error = Assert.Throws<InvalidActivityException>(() => CardActionInvoke.Parse(activity));

        Assert.Equal(ErrorCodes.BadArgument, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_NoValue_ClearError()
    {
        var activity = TeamsPayloads.Parse(Teams.CardAction(Thread, "accept", "H-1001"));
        activity.Value = null;

        Assert.Contains("no 'value.action'", Assert.Throws<InvalidActivityException>(() => CardActionInvoke.Parse(activity)).Message);
    }

    [Fact]
    public void IsCardAction_OtherInvokeOrMessage_False()
    {
        Assert.False(CardActionInvoke.IsCardAction(new Activity { Type = ActivityTypes.Invoke, Name = "composeExtension/query" }));
        Assert.False(CardActionInvoke.IsCardAction(TeamsPayloads.Parse(Teams.ThreadMessage(Thread, "hello"))));
    }

    [Fact]
    public void Response_Shapes_FollowTheInvokeContract()
    {
        var card = new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard" };

        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard"}}""", CardActionResponse.Card(card).ToJsonString());
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"done"}""", CardActionResponse.Message("done").ToJsonString());
        Assert.Equal("""{"statusCode":404,"type":"application/vnd.microsoft.error","value":{"code":"NotFound","message":"no case"}}""", CardActionResponse.Error(404, "NotFound", "no case").ToJsonString());
    }
}
