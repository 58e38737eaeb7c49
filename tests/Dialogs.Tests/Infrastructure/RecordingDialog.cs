using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Tests.Infrastructure;

/// <summary>A dialog that waits on begin and records what the stack does to it.</summary>
internal sealed class RecordingDialog(string id) : Dialog(id)
{
    public List<string> Calls { get; } = [];

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"begin:{options}");
        return Task.FromResult(EndOfTurn);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        Calls.Add($"resume:{reason}:{result}");
        return Task.FromResult(EndOfTurn);
    }

    public override Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        Calls.Add($"end:{reason}");
        return Task.CompletedTask;
    }
}
