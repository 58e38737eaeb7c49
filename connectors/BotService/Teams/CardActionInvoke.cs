using System.Text.Json;
using SupportBot.Connectors.BotService.Teams.Cards;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.BotService.Teams;

/// <summary>
/// A click on one of the case card's <c>Action.Execute</c> buttons, as Teams sends it: an
/// <c>invoke</c> activity named <c>adaptiveCard/action</c> whose value is
/// <c>{action:{type:"Action.Execute", verb, data}}</c> (PROTOCOLS.md §3).
/// </summary>
/// <param name="Verb">One of <see cref="CaseCardVerbs"/>.</param>
/// <param name="CaseId">The handoff case the card belongs to.</param>
/// <param name="Note">The resolution note typed into the card, if any.</param>
/// <param name="AgentId">Who clicked: the Teams user's AAD object id (their Teams id when absent).</param>
/// <param name="AgentName">Who clicked, by name.</param>
public sealed record CardActionInvoke(string Verb, string CaseId, string? Note, string AgentId, string AgentName)
{
    /// <summary>The invoke name of a Universal Action.</summary>
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>True for any <c>adaptiveCard/action</c> invoke, well-formed or not.</summary>
    public static bool IsCardAction(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && string.Equals(activity.Name, InvokeName, StringComparison.Ordinal);

    /// <summary>Reads the invoke; throws <see cref="InvalidActivityException"/> naming what is wrong.</summary>
    public static CardActionInvoke Parse(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!IsCardAction(activity))
        {
            throw Bad($"Expected an invoke named '{InvokeName}'.");
        }

        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            throw Bad("The invoke has no 'value.action' object.");
        }

        var type = String(action, "type");
        if (!string.Equals(type, "Action.Execute", StringComparison.Ordinal))
        {
            throw Bad($"Only Action.Execute is handled, not '{Short(type)}'.");
        }

        var verb = String(action, "verb");
        if (!CaseCardVerbs.IsKnown(verb))
        {
            throw Bad($"Unknown verb '{Short(verb)}'.");
        }

        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var caseId = data.ValueKind == JsonValueKind.Object ? String(data, CaseCardVerbs.CaseIdField) : null;
        if (string.IsNullOrWhiteSpace(caseId))
        {
            throw Bad("The action's data names no 'caseId'.");
        }

        var note = data.ValueKind == JsonValueKind.Object ? String(data, CaseCardVerbs.NoteInput) : null;
        var agentId = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From!.Id!;
        var agentName = string.IsNullOrWhiteSpace(activity.From?.Name) ? "An agent" : activity.From!.Name!.Trim();
        return new CardActionInvoke(verb!, caseId.Trim(), string.IsNullOrWhiteSpace(note) ? null : note.Trim(), agentId, agentName);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static string Short(string? value) => value is null ? "(none)" : value.Length <= 40 ? value : value[..40] + "…";

    private static InvalidActivityException Bad(string message) => new(ErrorCodes.BadArgument, message);
}
