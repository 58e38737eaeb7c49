namespace SupportBot.Bench;

/// <summary>What one measured run counted: reply latencies, lost, duplicated and unexpected replies.</summary>
internal sealed class WebChatBenchmarkTally
{
    private readonly Lock _gate = new();
    private readonly List<double> _latenciesMs = [];
    private int _lost;
    private int _duplicated;
    private int _unexpected;
    private int _failedPosts;
    private int _completed;

    public int Turns
    {
        get
        {
            lock (_gate)
            {
                return _latenciesMs.Count;
            }
        }
    }

    public int Lost => Volatile.Read(ref _lost);

    public int Duplicated => Volatile.Read(ref _duplicated);

    /// <summary>Replies whose text was not the script's next step (the dialog went astray).</summary>
    public int Unexpected => Volatile.Read(ref _unexpected);

    /// <summary>POSTs answered with an error status or not at all.</summary>
    public int FailedPosts => Volatile.Read(ref _failedPosts);

    /// <summary>Conversations that walked the whole script.</summary>
    public int Completed => Volatile.Read(ref _completed);

    public void Reply(double latencyMs)
    {
        lock (_gate)
        {
            _latenciesMs.Add(latencyMs);
        }
    }

    public void LostReply() => Interlocked.Increment(ref _lost);

    public void DuplicatedActivity() => Interlocked.Increment(ref _duplicated);

    public void UnexpectedReply() => Interlocked.Increment(ref _unexpected);

    public void FailedPost() => Interlocked.Increment(ref _failedPosts);

    public void CompletedConversation() => Interlocked.Increment(ref _completed);

    /// <summary>The latency below which <paramref name="percent"/> % of the replies arrived (nearest rank).</summary>
    public double? PercentileMs(double percent)
    {
        lock (_gate)
        {
            if (_latenciesMs.Count == 0)
            {
                return null;
            }

            var sorted = _latenciesMs.Order().ToArray();
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
            return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
        }
    }

    public double? MaxMs()
    {
        lock (_gate)
        {
            return _latenciesMs.Count == 0 ? null : Math.Round(_latenciesMs.Max(), 1);
        }
    }
}
