using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using SupportBot.Core.State;

namespace SupportBot.Dialogs.Prompts;

/// <summary>The keys a prompt keeps in its instance state, and reading them back.</summary>
internal static class PromptState
{
    public const string Options = "options";
    public const string AttemptsKey = "attempts";

    private static readonly JsonTypeInfo<PromptOptions> OptionsTypeInfo =
        (JsonTypeInfo<PromptOptions>)StateJson.Options.GetTypeInfo(typeof(PromptOptions));

    /// <summary>
    /// A new prompt state holding the live options: they are serialised once, when the turn saves its state,
    /// instead of being converted to JSON nodes now.
    /// </summary>
    public static JsonObject Create(PromptOptions options) =>
        new() { [Options] = JsonValue.Create(options, OptionsTypeInfo) };

    /// <summary>The saved state and options; stale when the id now names something that is not a prompt.</summary>
    public static (JsonObject State, PromptOptions Options) Read(DialogInstance instance)
    {
        var state = instance.State;
        switch (state?[Options])
        {
            case JsonObject saved:
                return (state, new PromptOptions(saved));
            case JsonValue live when live.TryGetValue<PromptOptions>(out var options):
                return (state, options);
            default:
                throw new StaleDialogStateException($"The state of the dialog '{instance.Id}' has no prompt options.");
        }
    }

    /// <summary>How many answers the prompt has rejected so far.</summary>
    public static int Attempts(JsonObject state) =>
        state[AttemptsKey] is JsonValue value && value.TryGetValue<int>(out var saved) ? saved : 0;

    public static void SetAttempts(JsonObject state, int attempts) => state[AttemptsKey] = attempts;
}
