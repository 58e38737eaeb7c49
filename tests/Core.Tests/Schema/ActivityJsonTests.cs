using System.Text.Json.Nodes;
using SupportBot.Core.Schema;

namespace SupportBot.Core.Tests.Schema;

public sealed class ActivityJsonTests
{
    private const string TeamsMessage = """
        {"type":"message","id":"1481567603816","timestamp":"2016-12-12T18:33:23.817+00:00","localTimestamp":"2016-12-12T10:33:23.817-08:00",
         "serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams",
         "from":{"id":"29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB","name":"Megan","aadObjectId":"4b2a-aad"},
         "conversation":{"isGroup":true,"conversationType":"channel","tenantId":"72f988bf","id":"19:abc@thread.skype;messageid=1481567603816"},
         "recipient":{"id":"28:c9e8c047","name":"SupportBot"},"textFormat":"plain","locale":"en-US","text":"<at>SupportBot</at> hi",
         "entities":[{"type":"mention","mentioned":{"id":"28:c9e8c047","name":"SupportBot"},"text":"<at>SupportBot</at>"},{"type":"clientInfo","locale":"en-US","country":"US","platform":"Windows"}],
         "channelData":{"teamsChannelId":"19:abc@thread.skype","teamsTeamId":"19:team@thread.skype","channel":{"id":"19:abc@thread.skype"},"tenant":{"id":"72f988bf"}},
         "suggestedActions":{"to":["a"],"actions":[{"type":"imBack","title":"Yes","value":"Yes","futureAction":1}]},
         "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5","body":[]}}],
         "replyToId":"1481567603000","futureTopLevel":{"nested":[true,null,3.5]}}
        """;

    [Fact]
    public void RoundTrip_TeamsMessageWithUnknownProperties_KeepsEveryProperty()
    {
        var activity = ActivityJson.Deserialize(TeamsMessage);

        var written = ActivityJson.Serialize(activity);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Serialize_NewMessage_IsCamelCaseWithoutNulls()
    {
        var activity = ActivityExtensions.CreateMessage("hello", InputHints.ExpectingInput);
        activity.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack("Refund")] };

        var json = ActivityJson.Serialize(activity);

        Assert.Equal("""{"type":"message","text":"hello","inputHint":"expectingInput","suggestedActions":{"actions":[{"type":"imBack","title":"Refund","value":"Refund"}]}}""", json);
    }

    [Theory]
    [InlineData("{not json", ErrorCodes.BadSyntax)]
    [InlineData("null", ErrorCodes.BadArgument)]
    [InlineData("[1,2]", ErrorCodes.BadSyntax)]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""", ErrorCodes.BadSyntax)]
    public void Deserialize_Garbage_ThrowsWithCode(string json, string code)
    {
        var ex = Assert.Throws<InvalidActivityException>(() => ActivityJson.Deserialize(json));

        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Deserialize_OverSizeLimit_ThrowsMessageSizeTooBig()
    {
        var json = $$"""{"type":"message","text":"{{new string('x', ActivityJson.MaxActivityChars)}}"}""";

        var ex = Assert.Throws<InvalidActivityException>(() => ActivityJson.Deserialize(json));

        Assert.Equal(ErrorCodes.MessageSizeTooBig, ex.Code);
    }

    [Fact]
    public async Task Read_WithinLimit_ReturnsTheActivity()
    {
        var body = Pipe("\uFEFF" + """{"type":"message","text":"ünïcødé"}""");

        var activity = await ActivityJson.ReadAsync(body, contentLength: null);

        Assert.Equal("ünïcødé", activity.Text);
    }

    [Fact]
    public async Task Read_DeclaredLengthOverLimit_ThrowsBeforeReading()
    {
        var body = Pipe(string.Empty);

        var ex = await Assert.ThrowsAsync<InvalidActivityException>(() => ActivityJson.ReadAsync(body, ActivityJson.MaxActivityUtf8Bytes + 1));

        Assert.Equal(ErrorCodes.MessageSizeTooBig, ex.Code);
    }

    [Fact]
    public async Task Read_UndeclaredBodyOverLimit_ThrowsMessageSizeTooBig()
    {
        var body = Pipe($$"""{"type":"message","text":"{{new string('x', ActivityJson.MaxActivityChars)}}"}""");

        var ex = await Assert.ThrowsAsync<InvalidActivityException>(() => ActivityJson.ReadAsync(body, contentLength: null));

        Assert.Equal(ErrorCodes.MessageSizeTooBig, ex.Code);
    }

    [Theory]
    [InlineData("{\"type\":", ErrorCodes.BadSyntax)]
    [InlineData("null", ErrorCodes.BadArgument)]
    public async Task Read_NotAnActivity_ThrowsWithCode(string json, string code)
    {
        var ex = await Assert.ThrowsAsync<InvalidActivityException>(() => ActivityJson.ReadAsync(Pipe(json), contentLength: null));

        Assert.Equal(code, ex.Code);
    }

    private static System.IO.Pipelines.PipeReader Pipe(string text) =>
        System.IO.Pipelines.PipeReader.Create(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void ConversationReference_ApplyToReply_SwapsSidesAndRepliesToActivity()
    {
        var inbound = ActivityJson.Deserialize(TeamsMessage);

        var reply = ActivityExtensions.CreateMessage("hi").ApplyConversationReference(inbound.GetConversationReference());

        Assert.Equal("28:c9e8c047", reply.From!.Id);
        Assert.Equal("Megan", reply.Recipient!.Name);
        Assert.Equal("1481567603816", reply.ReplyToId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", reply.ServiceUrl);
        Assert.Equal(inbound.Conversation, reply.Conversation);
    }
}
