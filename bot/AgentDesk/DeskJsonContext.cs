using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Bot.AgentDesk;

/// <summary>The desk API's JSON (camelCase). The browser puts every string of it on the page as text only.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeskSession))]
[JsonSerializable(typeof(DeskQueue))]
[JsonSerializable(typeof(DeskCaseDetail))]
[JsonSerializable(typeof(DeskMessageRequest))]
[JsonSerializable(typeof(DeskResolveRequest))]
[JsonSerializable(typeof(DeskActionResponse))]
[JsonSerializable(typeof(DeskCaseEvent))]
[JsonSerializable(typeof(DeskMessageEvent))]
internal sealed partial class DeskJsonContext : JsonSerializerContext;

/// <summary><c>GET /agent/api/me</c>: who is signed in, and the antiforgery token for state-changing calls.</summary>
internal sealed record DeskSession(string Id, string Name, string AntiforgeryToken, string AntiforgeryHeader);

/// <summary><c>GET /agent/api/queue</c>: the open cases (waiting first, oldest first).</summary>
internal sealed record DeskQueue(IReadOnlyList<DeskCaseSummary> Cases);

/// <summary>A case as the queue shows it. <c>status</c>: waiting, withAgent, closed, returnedToBot, failed.</summary>
internal sealed record DeskCaseSummary(
    string Id,
    string Status,
    string ReasonKind,
    IReadOnlyList<string> Reasons,
    string Channel,
    string Customer,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DeskAgent? Agent);

internal sealed record DeskAgent(string Id, string Name, string Hub);

/// <summary><c>GET /agent/api/cases/{id}</c>: the case, its context panel and the live transcript.</summary>
internal sealed record DeskCaseDetail(DeskCaseSummary Case, DeskContext Context, IReadOnlyList<DeskMessage> Transcript);

internal sealed record DeskContext(
    DeskCustomer Customer,
    string? Stage,
    IReadOnlyList<DeskFact> Facts,
    IReadOnlyList<string> Said,
    IReadOnlyList<string> Tried,
    string Summary,
    string MoodTrend,
    double MoodAverage,
    IReadOnlyList<DeskMoodPoint> Mood);

internal sealed record DeskCustomer(string? Name, IReadOnlyList<DeskIdentity> Identities, IReadOnlyList<string> OpenTickets, IReadOnlyList<string> PastTickets);

internal sealed record DeskIdentity(string Channel, string Id);

internal sealed record DeskFact(string Name, string Value);

/// <summary>One scored customer message: compound −1…1, upset, and the reasons.</summary>
internal sealed record DeskMoodPoint(DateTimeOffset? At, double Score, bool Upset, IReadOnlyList<string> Reasons);

/// <summary>A transcript line. <c>role</c>: customer, bot or agent.</summary>
internal sealed record DeskMessage(string? Id, string Role, string Name, string Text, DateTimeOffset? At);

internal sealed record DeskMessageRequest(string? Text);

internal sealed record DeskResolveRequest(string? Note);

/// <summary>What a state-changing call did, with the case as it is now.</summary>
internal sealed record DeskActionResponse(DeskCaseSummary Case);

/// <summary>The <c>queue</c> and <c>case</c> events: something about the case changed; reload it.</summary>
internal sealed record DeskCaseEvent(string CaseId);

/// <summary>The <c>message</c> event: a customer wrote on a case.</summary>
internal sealed record DeskMessageEvent(string CaseId, DeskMessage Message);
