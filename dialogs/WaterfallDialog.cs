using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Schema;
using SupportBot.Core.State;

namespace SupportBot.Dialogs;

/// <summary>
/// A dialog that runs its steps in order, one or more per turn: each step usually starts a prompt, and the
/// next step receives the answer. The step index is kept in the instance state so the flow survives
/// restarts.
/// </summary>
public sealed class WaterfallDialog : Dialog
{
    private readonly List<WaterfallStep> _steps;

    /// <summary>Creates a waterfall with its steps.</summary>
    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId) => _steps = steps is null ? [] : [.. steps];

    /// <summary>The number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Appends a step.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    /// <inheritdoc />
    /// <remarks><paramref name="options"/> is kept in state as JSON; later turns see it as a <see cref="JsonNode"/>.</remarks>
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        var state = new JsonObject { [WaterfallState.Step] = 0 };
        if (options is not null)
        {
            state[WaterfallState.Options] = JsonSerializer.SerializeToNode(options, options.GetType(), StateJson.Options);
        }

        dc.ActiveDialog!.State = state;
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, options, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        // Only a message answers a step; other activities (typing, events) leave the waterfall waiting.
        if (!dc.Context.Activity.IsMessage())
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="StaleDialogStateException">The saved step index does not exist in this version of the waterfall.</exception>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        var instance = dc.ActiveDialog!;
        var step = WaterfallState.GetStep(instance);
        if (step < 0 || step >= _steps.Count)
        {
            throw new StaleDialogStateException($"The waterfall '{Id}' has no step {step} (it has {_steps.Count}).");
        }

        return RunStepAsync(dc, step + 1, reason, result, instance.State![WaterfallState.Options], cancellationToken);
    }

    /// <summary>Runs step <paramref name="index"/>, or ends the dialog with <paramref name="result"/> after the last one.</summary>
    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, object? options, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State!;
        state[WaterfallState.Step] = index;
        var stepContext = new WaterfallStepContext(this, dc, WaterfallState.GetValues(state), options, result, index, reason);
        return await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
    }
}
