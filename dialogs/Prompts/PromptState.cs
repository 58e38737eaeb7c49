using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.State;

namespace SupportBot.Dialogs.Prompts;

/// <summary>The keys a prompt keeps in its instance state, and reading them back.</summary>
internal static class PromptState
{
    public const string Options = "options";
    public const string Attempts = "attempts";

    public static JsonObject Create(PromptOptions options) =>
        new() { [Options] = JsonSerializer.SerializeToNode(options, StateJson.Options) };

    /// <summary>The saved state and options; stale when the id now names something that is not a prompt.</summary>
    public static (JsonObject State, PromptOptions Options) Read(DialogInstance instance)
    {
        if (instance.State is { } state && state[Options] is JsonObject node)
        {
            try
            {
                return (state, node.Deserialize<PromptOptions>(StateJson.Options)!);
            }
            catch (JsonException ex)
            {
                throw new StaleDialogStateException($"The saved options of the prompt '{instance.Id}' cannot be read.", ex);
            }
        }

        throw new StaleDialogStateException($"The state of the dialog '{instance.Id}' has no prompt options.");
    }

    public static int IncrementAttempts(JsonObject state)
    {
        var attempts = state[Attempts] is JsonValue value && value.TryGetValue<int>(out var saved) ? saved + 1 : 1;
        state[Attempts] = attempts;
        return attempts;
    }
}
