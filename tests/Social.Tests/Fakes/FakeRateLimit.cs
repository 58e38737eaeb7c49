namespace SupportBot.Social.Tests.Fakes;

/// <summary>
/// A fixed-window rate limit as the platforms document it: <see cref="Limit"/> requests per window; when
/// spent, 429 until the reset. Also counts requests that arrived while the window was spent (a client
/// that honours the headers sends none).
/// </summary>
internal sealed class FakeRateLimit(int limit, TimeSpan window, TimeProvider time)
{
    private readonly object _gate = new();
    private DateTimeOffset _reset = time.GetUtcNow() + window;
    private int _remaining = limit;

    public int Limit { get; } = limit;

    /// <summary>Requests that arrived while the window was spent (answered 429).</summary>
    public int Refused { get; private set; }

    /// <summary>Takes one request: its remaining count and the window's reset, or null when spent.</summary>
    public (int Remaining, DateTimeOffset Reset, bool Allowed) Take()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now >= _reset)
            {
                _reset = now + window;
                _remaining = Limit;
            }

            if (_remaining == 0)
            {
                Refused++;
                return (0, _reset, false);
            }

            _remaining--;
            return (_remaining, _reset, true);
        }
    }

    /// <summary>Spends the window now (the next request gets 429 until the reset).</summary>
    public DateTimeOffset Exhaust(TimeSpan resetIn)
    {
        lock (_gate)
        {
            _remaining = 0;
            _reset = time.GetUtcNow() + resetIn;
            return _reset;
        }
    }
}
