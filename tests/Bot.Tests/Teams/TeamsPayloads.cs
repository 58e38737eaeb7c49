using System.Text.Json;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Tests.Teams;

/// <summary>
/// What Teams posts to <c>/api/messages</c>, from the recorded shapes in <c>TestData/</c> with this test's
/// ids filled in (values JSON-escaped).
/// </summary>
internal sealed record TeamsPayloads(string ServiceUrl, string ChannelId, string TenantId, string BotId)
{
    public static TeamsPayloads Default { get; } = new("https://smba.trafficmanager.net/emea/", "19:support0123@thread.tacv2", "72f988bf-86f1-41af-91ab-2d7cd011db47", "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f");

    public string CardAction(string threadId, string verb, string caseId, string agentName = "Ana Souza", string agentAad = "6b2b-ana", string? note = null, string? activityId = null) =>
        Fill("invoke-card-action.json", new()
        {
            ["threadId"] = threadId,
            ["verb"] = verb,
            ["title"] = verb,
            ["caseId"] = caseId,
            ["agentName"] = agentName,
            ["agentAad"] = agentAad,
            ["activityId"] = activityId ?? Guid.NewGuid().ToString("N"),
            ["cardActivityId"] = threadId.Contains("messageid=", StringComparison.Ordinal) ? threadId[(threadId.IndexOf("messageid=", StringComparison.Ordinal) + 10)..] : "1",
        }, note is null ? string.Empty : $",\"note\":{JsonSerializer.Serialize(note)}");

    public string ThreadMessage(string threadId, string text, string agentName = "Ana Souza", string agentAad = "6b2b-ana", string? activityId = null) =>
        Fill("message-in-thread.json", new()
        {
            ["threadId"] = threadId,
            ["text"] = text,
            ["html"] = System.Net.WebUtility.HtmlEncode(text),
            ["agentName"] = agentName,
            ["agentAad"] = agentAad,
            ["activityId"] = activityId ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(1000),
        });

    public static Activity Parse(string json) => ActivityJson.Deserialize(json);

    private string Fill(string file, Dictionary<string, string> values, string extraData = "")
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "TestData", file));
        values["serviceUrl"] = ServiceUrl;
        values["channelId"] = ChannelId;
        values["tenantId"] = TenantId;
        values["botId"] = BotId;
        foreach (var (key, value) in values)
        {
            // Each value goes into a JSON string: escape it, without the quotes Serialize adds.
            var escaped = JsonSerializer.Serialize(value)[1..^1];
            text = text.Replace("{{" + key + "}}", escaped, StringComparison.Ordinal);
        }

        return text.Replace("{{extraData}}", extraData, StringComparison.Ordinal);
    }
}
