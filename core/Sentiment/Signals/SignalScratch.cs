using System.Buffers;

namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// Per-thread working buffers for one judgement, so a short message costs no allocation and no zeroing.
/// Texts too long to keep a buffer for (over <see cref="KeepLimit"/> characters) borrow from the array pool.
/// </summary>
internal sealed class SignalScratch
{
    private const int KeepLimit = 8 * 1024;

    [ThreadStatic]
    private static SignalScratch? _current;

    private char[] _lower = new char[256];
    private SignalToken[] _tokens = new SignalToken[128];
    private SignalHit[] _hits = new SignalHit[64];
    private bool _rented;

    public char[] Lower { get; private set; } = [];

    public SignalToken[] Tokens { get; private set; } = [];

    public SignalHit[] Hits { get; private set; } = [];

    /// <summary>Buffers big enough for <paramref name="length"/> characters; give them back with <see cref="Return"/>.</summary>
    public static SignalScratch Take(int length)
    {
        var scratch = _current ??= new SignalScratch();
        var tokens = SignalTokenizer.MaxTokens(length);
        var hits = Math.Min(4096, (tokens * 2) + 16);
        if (length > KeepLimit)
        {
            scratch._rented = true;
            scratch.Lower = ArrayPool<char>.Shared.Rent(length);
            scratch.Tokens = ArrayPool<SignalToken>.Shared.Rent(tokens);
            scratch.Hits = ArrayPool<SignalHit>.Shared.Rent(hits);
            return scratch;
        }

        if (scratch._lower.Length < length)
        {
            scratch._lower = new char[Math.Max(length, scratch._lower.Length * 2)];
        }

        if (scratch._tokens.Length < tokens)
        {
            scratch._tokens = new SignalToken[Math.Max(tokens, scratch._tokens.Length * 2)];
        }

        if (scratch._hits.Length < hits)
        {
            scratch._hits = new SignalHit[Math.Max(hits, scratch._hits.Length * 2)];
        }

        scratch.Lower = scratch._lower;
        scratch.Tokens = scratch._tokens;
        scratch.Hits = scratch._hits;
        return scratch;
    }

    public void Return()
    {
        if (_rented)
        {
            ArrayPool<char>.Shared.Return(Lower);
            ArrayPool<SignalToken>.Shared.Return(Tokens);
            ArrayPool<SignalHit>.Shared.Return(Hits);
            _rented = false;
        }

        Lower = [];
        Tokens = [];
        Hits = [];
    }
}
