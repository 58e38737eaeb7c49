namespace SupportBot.Bot.Tests.Conversations.Infrastructure;

/// <summary>Runs one scripted chat start to end through a <see cref="ChatSession"/>.</summary>
internal static class ChatRunner
{
    public static async Task<ChatTranscript> RunAsync(IReadOnlyList<string> lines, string userId = "console-user", string? dataFolder = null, IDictionary<string, string?>? settings = null, string? conversationId = null)
    {
        await using var session = await ChatSession.StartAsync(userId, dataFolder, settings, conversationId);
        return await session.SayAsync([.. lines]);
    }
}
