using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportBot.Dialogs;

/// <summary>The keys a waterfall keeps in its instance state (short: they are saved every turn).</summary>
internal static class WaterfallState
{
    public const string Step = "step";
    public const string Values = "values";
    public const string Options = "options";

    /// <summary>The saved step index; stale when missing or not a number (the id now names another kind of dialog).</summary>
    public static int GetStep(DialogInstance instance)
    {
        if (instance.State?[Step] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var step))
        {
            return step;
        }

        throw new StaleDialogStateException($"The state of the dialog '{instance.Id}' has no waterfall step.");
    }

    public static JsonObject GetValues(JsonObject state)
    {
        if (state[Values] is JsonObject values)
        {
            return values;
        }

        values = [];
        state[Values] = values;
        return values;
    }
}
