namespace SupportBot.Bench;

/// <summary>What one measured run counted: reply latencies, late, lost, duplicated and unexpected replies.</summary>
internal sealed class WebChatBenchmarkTally
{
    private readonly Lock _gate = new();
    private readonly List<double> _latenciesMs = [];
    private int _lost;
    private int _late;
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

    /// <summary>Replies that never reached the socket and are not in the conversation's history either.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Replies that missed the reply timeout on the socket but are in the conversation's history.</summary>
    public int Late => Volatile.Read(ref _late);

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

    public void LateReply() => Interlocked.Increment(ref _late);

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
