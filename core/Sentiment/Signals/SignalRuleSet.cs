using System.Collections.Frozen;

namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// The signals file compiled for the hot path: one frozen vocabulary (word → id, looked up by span), per-word
/// flags and the patterns that start with each word, the emoji table and the scoring numbers.
/// Built once by <see cref="SignalRuleCompiler"/>; immutable and thread-safe.
/// </summary>
internal sealed class SignalRuleSet
{
    public const string ResourceName = "SupportBot.Core.Sentiment.Data.signals.json";

    private static readonly Lazy<SignalRuleSet> DefaultRules = new(LoadDefault);

    public SignalRuleSet(
        FrozenDictionary<string, int> vocabulary,
        TokenFlags[] wordFlags,
        int[][] startsByWord,
        int[] numberStarts,
        int[] negatorStarts,
        SignalPattern[] patterns,
        SignalRule[] rules,
        FrozenDictionary<int, int> emoji,
        string[] obfuscationRoots,
        int obfuscationRule,
        SignalScoring scoring)
    {
        Vocabulary = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        WordFlags = wordFlags;
        StartsByWord = startsByWord;
        NumberStarts = numberStarts;
        NegatorStarts = negatorStarts;
        Patterns = patterns;
        Rules = rules;
        Emoji = emoji;
        ObfuscationRoots = obfuscationRoots;
        ObfuscationRule = obfuscationRule;
        Scoring = scoring;
    }

    /// <summary>The rules shipped in the assembly (<c>Sentiment/Data/signals.json</c>).</summary>
    public static SignalRuleSet Default => DefaultRules.Value;

    public FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Vocabulary { get; }

    public TokenFlags[] WordFlags { get; }

    /// <summary>Pattern indexes by the id of their first word.</summary>
    public int[][] StartsByWord { get; }

    /// <summary>Patterns whose first element is <c>&lt;num&gt;</c>.</summary>
    public int[] NumberStarts { get; }

    /// <summary>Patterns whose first element is <c>&lt;neg&gt;</c>.</summary>
    public int[] NegatorStarts { get; }

    public SignalPattern[] Patterns { get; }

    public SignalRule[] Rules { get; }

    /// <summary>Emoji code point → rule index.</summary>
    public FrozenDictionary<int, int> Emoji { get; }

    /// <summary>Swear words a starred-out token is compared with ("f***" ~ "fuck").</summary>
    public string[] ObfuscationRoots { get; }

    /// <summary>The rule a starred-out swear word counts as.</summary>
    public int ObfuscationRule { get; }

    public SignalScoring Scoring { get; }

    private static SignalRuleSet LoadDefault()
    {
        using var stream = typeof(SignalRuleSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(SignalRuleSet).Assembly.GetName().Name}.");
        return SignalRuleCompiler.Compile(stream);
    }
}
