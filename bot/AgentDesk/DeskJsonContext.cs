using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.AgentDesk;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeskSession))]
internal sealed partial class DeskJsonContext : JsonSerializerContext;

/// <summary><c>GET /agent/api/me</c>: who is signed in, and the antiforgery token for state-changing calls.</summary>
internal sealed record DeskSession(string Id, string Name, string AntiforgeryToken, string AntiforgeryHeader);
