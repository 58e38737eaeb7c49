using System.Collections.Concurrent;
using System.Text.Json;
using SupportBot.Core.Schema;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Builds <c>imBack</c> buttons. The JSON value of a title is cached: building a <see cref="JsonElement"/>
/// costs a JSON document per button, and prompts offer the same few titles over and over. A
/// <see cref="JsonElement"/> is immutable, so sharing it is safe; the actions themselves are new each time.
/// </summary>
internal static class ImBackActions
{
    /// <summary>Enough for every fixed title a bot has; titles built per conversation stop being cached here.</summary>
    private const int MaxCached = 1024;

    private static readonly ConcurrentDictionary<string, JsonElement> Values = new(StringComparer.Ordinal);

    public static CardAction Create(string title) => new() { Type = ActionTypes.ImBack, Title = title, Value = ValueOf(title) };

    public static SuggestedActions For(IList<Choice> choices)
    {
        var actions = new List<CardAction>(choices.Count);
        for (var i = 0; i < choices.Count; i++)
        {
            actions.Add(Create(choices[i].Value));
        }

        return new SuggestedActions { Actions = actions };
    }

    private static JsonElement ValueOf(string title)
    {
        if (Values.TryGetValue(title, out var value))
        {
            return value;
        }

        value = JsonSerializer.SerializeToElement(title, CoreJsonContext.Default.String);
        if (Values.Count < MaxCached)
        {
            Values.TryAdd(title, value);
        }

        return value;
    }
}
