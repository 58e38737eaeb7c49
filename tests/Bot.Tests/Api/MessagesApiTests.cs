using System.Net;
using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Api;

public sealed class MessagesApiTests
{
    private const string Conversation = "conv-bad-input";

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", "{\"type\":\"message\",\"conversation\":{\"id\":\"" + Conversation + "\"", ErrorCodes.BadSyntax },
        { "not an object", "[1,2,3]", ErrorCodes.BadSyntax },
        { "empty body", "", ErrorCodes.BadSyntax },
        { "no type", Body(type: null), ErrorCodes.BadArgument },
        { "unknown type", Body(type: "shout"), ErrorCodes.BadArgument },
        { "no conversation", "{\"type\":\"message\",\"id\":\"a1\",\"channelId\":\"test\",\"from\":{\"id\":\"u\"},\"text\":\"hi\"}", ErrorCodes.BadArgument },
        { "no channelId", "{\"type\":\"message\",\"id\":\"a1\",\"conversation\":{\"id\":\"" + Conversation + "\"},\"from\":{\"id\":\"u\"},\"text\":\"hi\"}", ErrorCodes.BadArgument },
        { "no from", "{\"type\":\"message\",\"id\":\"a1\",\"channelId\":\"test\",\"conversation\":{\"id\":\"" + Conversation + "\"},\"text\":\"hi\"}", ErrorCodes.BadArgument },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostMessages_BadInput_Returns400WithJsonErrorAndWritesNothing(string name, string body, string expectedCode)
    {
        await using var server = await BotTestServer.StartAsync();

        using var response = await server.PostAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, name);
        Assert.Equal(expectedCode, await ErrorCodeAsync(response));
        await AssertNothingWrittenAsync(server);
    }

    [Fact]
    public async Task PostMessages_ActivityOver256KChars_Returns413MessageSizeTooBig()
    {
        await using var server = await BotTestServer.StartAsync();
        var activity = TestActivities.Message(new string('a', ActivityJson.MaxActivityChars), Conversation, "test");

        using var response = await server.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ErrorCodes.MessageSizeTooBig, await ErrorCodeAsync(response));
        await AssertNothingWrittenAsync(server);
    }

    [Fact]
    public async Task PostMessages_BodyOverByteLimit_Returns413WithoutBufferingIt()
    {
        await using var server = await BotTestServer.StartAsync();
        var huge = new string('x', 8 * ActivityJson.MaxActivityChars);

        using var response = await server.PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(ErrorCodes.MessageSizeTooBig, await ErrorCodeAsync(response));
        await AssertNothingWrittenAsync(server);
    }

    [Fact]
    public async Task PostMessages_AppIdConfiguredAndNoToken_Returns401WithJsonErrorAndWritesNothing()
    {
        await using var server = await BotTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["BotFramework:MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["BotFramework:MicrosoftAppPassword"] = "test-secret",
        });

        using var response = await server.PostAsync(TestActivities.Message("hi", Conversation));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(response));
        await AssertNothingWrittenAsync(server);
    }

    [Fact]
    public async Task PostMessages_NoAppIdAndUnauthenticatedModeOff_Returns401AndWritesNothing()
    {
        await using var server = await BotTestServer.StartAsync(new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticated"] = "false" });

        using var response = await server.PostAsync(TestActivities.Message("hi", Conversation));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(response));
        await AssertNothingWrittenAsync(server);
    }

    [Fact]
    public async Task PostMessages_ServiceUrlOutsideTheAllowedHosts_Returns403AndWritesNothing()
    {
        await using var server = await BotTestServer.StartAsync();
        var activity = TestActivities.Message("hi", Conversation);
        activity.ServiceUrl = "https://collector.example.com/";

        using var response = await server.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ErrorCodes.Forbidden, await ErrorCodeAsync(response));
        await AssertNothingWrittenAsync(server);
    }

    [Fact]
    public async Task PostMessages_ExpectReplies_ReturnsGreetingPrompt()
    {
        await using var server = await BotTestServer.StartAsync();
        var conversationId = TestActivities.NewConversationId();

        var replies = await server.SendAsync(TestActivities.Message("hi", conversationId));

        var reply = Assert.Single(replies);
        HeapReplies.AssertGreeting(reply.Text);
        Assert.Equal(conversationId, reply.Conversation?.Id);
        Assert.Empty(await server.Outbox.ReadPendingAsync(100));
    }

    [Fact]
    public async Task PostMessages_NormalDelivery_Returns200AndKeepsRepliesInOutbox()
    {
        await using var server = await BotTestServer.StartAsync();
        var conversationId = TestActivities.NewConversationId();

        using var response = await server.PostAsync(TestActivities.Message("hi", conversationId, expectReplies: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pending = await server.Outbox.ReadPendingAsync("test", conversationId);
        HeapReplies.AssertGreeting(Assert.Single(pending).Activity.Text);
    }

    [Fact]
    public async Task PostMessages_CustomerScript_WalksTheFourSteps()
    {
        await using var server = await BotTestServer.StartAsync();
        var conversationId = TestActivities.NewConversationId();

        HeapReplies.AssertGreeting(await server.SendTextAsync("hi", conversationId));
        HeapReplies.AssertReflection(await server.SendTextAsync("my parcel arrived broken and I need it by friday", conversationId), "parcel", "friday");
        HeapReplies.AssertRemedyQuestion(await server.SendTextAsync("yes", conversationId));
        HeapReplies.AssertRemedyTaken(await server.SendTextAsync("Replacement", conversationId), "replacement");
    }

    private static string Body(string? type) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = type,
        ["id"] = "a1",
        ["channelId"] = "test",
        ["conversation"] = new Dictionary<string, string> { ["id"] = Conversation },
        ["from"] = new Dictionary<string, string> { ["id"] = "u" },
        ["text"] = "hi",
    });

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), CoreJsonContext.Default.ErrorResponse);
        Assert.False(string.IsNullOrWhiteSpace(error?.Error.Message));
        return error?.Error.Code;
    }

    private static async Task AssertNothingWrittenAsync(BotTestServer server)
    {
        Assert.Empty(await server.TranscriptAsync("test", Conversation));
        Assert.Empty(await server.Outbox.ReadPendingAsync(100));
    }
}
