namespace SupportBot.Bot.Tests.Conversations.Infrastructure;

/// <summary>Customer input that can be topped up between runs of the console connector: end of input when empty.</summary>
internal sealed class ScriptReader : TextReader
{
    private readonly Queue<string> _lines = new();

    public void Add(IEnumerable<string> lines)
    {
        lock (_lines)
        {
            foreach (var line in lines)
            {
                _lines.Enqueue(line);
            }
        }
    }

    public override string? ReadLine()
    {
        lock (_lines)
        {
            return _lines.TryDequeue(out var line) ? line : null;
        }
    }

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());
}
