using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.State;

namespace SupportBot.Dialogs;

/// <summary>
/// What a waterfall step sees: the dialog context (to prompt, begin, end or replace), the values collected
/// so far, the dialog's options and the previous step's result.
/// </summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, JsonObject values, object? options, object? result, int index, DialogReason reason)
        : base(dc)
    {
        _waterfall = waterfall;
        Values = values;
        Options = options;
        Result = result;
        Index = index;
        Reason = reason;
    }

    /// <summary>Values the steps keep for each other; saved with the dialog, so they must be JSON.</summary>
    public JsonObject Values { get; }

    /// <summary>
    /// The options the waterfall was begun with: the original object on the first turn, a <see cref="JsonNode"/>
    /// after that. <see cref="GetOptions{T}"/> reads either.
    /// </summary>
    public object? Options { get; }

    /// <summary>The previous step's result: a prompt's answer, a child dialog's result, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>The zero-based index of this step.</summary>
    public int Index { get; }

    /// <summary>Why this step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>The options as <typeparamref name="T"/>, whether they are still the original object or were reloaded from state.</summary>
    public T? GetOptions<T>() => Options switch
    {
        T typed => typed,
        JsonNode node => node.Deserialize<T>(StateJson.Options),
        _ => default,
    };

    /// <summary>Skips to the next step in this turn, handing it <paramref name="result"/>.</summary>
    /// <exception cref="InvalidOperationException">The step already called this once.</exception>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"Step {Index} of the waterfall '{_waterfall.Id}' called NextAsync twice.");
        }

        _nextCalled = true;
        return _waterfall.RunStepAsync(this, Index + 1, DialogReason.NextCalled, result, Options, cancellationToken);
    }
}
