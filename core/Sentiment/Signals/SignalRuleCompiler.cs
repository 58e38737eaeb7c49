using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace SupportBot.Core.Sentiment.Signals;

/// <summary>
/// Compiles the signals file (see its <c>$comment</c> for the pattern syntax) into a <see cref="SignalRuleSet"/>.
/// A malformed file fails here, at load, with <see cref="InvalidDataException"/> naming the pattern.
/// </summary>
internal static class SignalRuleCompiler
{
    public static SignalRuleSet Compile(Stream utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var builder = new Builder(ReadScoring(root));

        if (root.TryGetProperty("slots", out var slots))
        {
            foreach (var slot in slots.EnumerateObject())
            {
                builder.Slots[slot.Name] = Words(slot.Value.GetString());
            }
        }

        builder.Flag(Words(Text(root, "negators")), TokenFlags.Negator);
        builder.Flag(Words(Text(root, "breakers")), TokenFlags.Breaker);
        builder.Flag(Words(Text(root, "contextCues")), TokenFlags.Cue);
        builder.Flag(Words(Text(root, "acronyms")), TokenFlags.Acronym);
        builder.Flag(builder.Slots.GetValueOrDefault("numbers", []), TokenFlags.Number);
        builder.Flag(builder.Slots.GetValueOrDefault("praise", []), TokenFlags.Praise);

        foreach (var rule in root.GetProperty("rules").EnumerateArray())
        {
            var index = builder.AddRule(new SignalRule(
                SignalReason.Parse(rule.GetProperty("reason").GetString()),
                rule.GetProperty("weight").GetDouble(),
                !rule.TryGetProperty("negatable", out var negatable) || negatable.GetBoolean(),
                rule.TryGetProperty("needsContext", out var context) && context.GetBoolean(),
                rule.TryGetProperty("alone", out var alone) && alone.GetBoolean()));
            foreach (var pattern in rule.GetProperty("patterns").EnumerateArray())
            {
                builder.AddPattern(index, pattern.GetString() ?? string.Empty);
            }
        }

        var emoji = new Dictionary<int, int>();
        if (root.TryGetProperty("emoji", out var emojiRules))
        {
            foreach (var group in emojiRules.EnumerateArray())
            {
                var index = builder.AddRule(new SignalRule(SignalReason.Parse(group.GetProperty("reason").GetString()), group.GetProperty("weight").GetDouble(), false, false));
                foreach (var rune in (group.GetProperty("symbols").GetString() ?? string.Empty).EnumerateRunes())
                {
                    if (rune.Value != 0xFE0F)
                    {
                        emoji[rune.Value] = index;
                    }
                }
            }
        }

        var obfuscationRule = builder.AddRule(new SignalRule(SignalReason.Profanity, builder.Scoring.ObfuscatedProfanity, true, false));
        return builder.Build(emoji.ToFrozenDictionary(), Words(Text(root, "obfuscationRoots")), obfuscationRule);
    }

    private static SignalScoring ReadScoring(JsonElement root)
    {
        if (!root.TryGetProperty("scoring", out var s))
        {
            return new SignalScoring();
        }

        var defaults = new SignalScoring();
        var strong = s.TryGetProperty("strongNegative", out var sn) ? sn : default;
        var damping = s.TryGetProperty("positiveDamping", out var pd) ? pd : default;
        var praise = s.TryGetProperty("praiseInterjection", out var pi) ? pi : default;
        var shout = s.TryGetProperty("shouting", out var sh) ? sh : default;
        return new SignalScoring
        {
            Threshold = Number(s, "threshold", defaults.Threshold),
            RepeatBonus = Number(s, "repeatBonus", defaults.RepeatBonus),
            RepeatBonusMax = Number(s, "repeatBonusMax", defaults.RepeatBonusMax),
            ReasonMax = Number(s, "reasonMax", defaults.ReasonMax),
            CalmMax = Number(s, "calmMax", defaults.CalmMax),
            NegationWindow = (int)Number(s, "negationWindow", defaults.NegationWindow),
            ContextCompound = Number(s, "contextCompound", defaults.ContextCompound),
            StrongNegativeFrom = Number(strong, "compoundFrom", defaults.StrongNegativeFrom),
            StrongNegativeBase = Number(strong, "base", defaults.StrongNegativeBase),
            StrongNegativeSlope = Number(strong, "slope", defaults.StrongNegativeSlope),
            StrongNegativeMax = Number(strong, "max", defaults.StrongNegativeMax),
            PositiveDampingFrom = Number(damping, "compoundFrom", defaults.PositiveDampingFrom),
            PositiveDampingFactor = Number(damping, "factor", defaults.PositiveDampingFactor),
            PositiveDampingReasons = damping.ValueKind == JsonValueKind.Object && damping.TryGetProperty("reasons", out var reasons)
                ? [.. Words(reasons.GetString()).Select(SignalReason.Parse)]
                : defaults.PositiveDampingReasons,
            PraiseInterjectionWeight = Number(praise, "weight", defaults.PraiseInterjectionWeight),
            PraiseInterjectionMaxClauseWords = (int)Number(praise, "maxClauseWords", defaults.PraiseInterjectionMaxClauseWords),
            ShoutMinWordLength = (int)Number(shout, "minWordLength", defaults.ShoutMinWordLength),
            ShoutOneWord = Number(shout, "oneWord", defaults.ShoutOneWord),
            ShoutSeveralWords = Number(shout, "severalWords", defaults.ShoutSeveralWords),
            ShoutWholeMessage = Number(shout, "wholeMessage", defaults.ShoutWholeMessage),
            DoubleBang = Number(shout, "doubleBang", defaults.DoubleBang),
            TripleBang = Number(shout, "tripleBang", defaults.TripleBang),
            Interrobang = Number(shout, "interrobang", defaults.Interrobang),
            DoubleQuestion = Number(shout, "doubleQuestion", defaults.DoubleQuestion),
            TripleQuestion = Number(shout, "tripleQuestion", defaults.TripleQuestion),
            ShoutCombinedBonus = Number(shout, "combinedBonus", defaults.ShoutCombinedBonus),
            ObfuscatedProfanity = Number(s, "obfuscatedProfanity", defaults.ObfuscatedProfanity),
        };
    }

    private static double Number(JsonElement section, string name, double fallback) =>
        section.ValueKind == JsonValueKind.Object && section.TryGetProperty(name, out var value) ? value.GetDouble() : fallback;

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string[] Words(string? list) =>
        (list ?? string.Empty).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private sealed class Builder(SignalScoring scoring)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<TokenFlags> _flags = [];
        private readonly List<List<int>> _starts = [];
        private readonly List<int> _numberStarts = [];
        private readonly List<int> _negatorStarts = [];
        private readonly List<SignalPattern> _patterns = [];
        private readonly List<SignalRule> _rules = [];

        public SignalScoring Scoring { get; } = scoring;

        public Dictionary<string, string[]> Slots { get; } = new(StringComparer.Ordinal);

        public string[] Slot(string name) => Slots.TryGetValue(name, out var words)
            ? words
            : throw new InvalidDataException($"The signals file names the slot <{name}> but defines no such slot.");

        public void Flag(IEnumerable<string> words, TokenFlags flag)
        {
            foreach (var word in words)
            {
                var id = Id(word);
                _flags[id] |= flag;
            }
        }

        public int AddRule(SignalRule rule)
        {
            _rules.Add(rule);
            return _rules.Count - 1;
        }

        public void AddPattern(int rule, string text)
        {
            var elements = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => Element(part, text)).ToList();
            if (elements.Count == 0 || elements[^1].IsGap)
            {
                throw new InvalidDataException($"Signal pattern '{text}' is empty or ends with a gap.");
            }

            AddFrom(rule, elements, text);
        }

        /// <summary>Indexes a pattern by its first element; a leading optional element yields the pattern with and without it.</summary>
        private void AddFrom(int rule, List<PatternElement> elements, string text)
        {
            var first = elements[0];
            if (first.IsGap)
            {
                throw new InvalidDataException($"Signal pattern '{text}' starts with a gap.");
            }

            if (first.Optional)
            {
                if (elements.Count > 1)
                {
                    AddFrom(rule, elements[1..], text);
                }

                elements = [first with { Optional = false }, .. elements[1..]];
            }

            var index = _patterns.Count;
            _patterns.Add(new SignalPattern(rule, [.. elements.Skip(1)]));
            if ((first.AcceptFlags & TokenFlags.Number) != 0)
            {
                _numberStarts.Add(index);
            }

            if ((first.AcceptFlags & TokenFlags.Negator) != 0)
            {
                _negatorStarts.Add(index);
            }

            foreach (var id in first.WordIds)
            {
                _starts[id].Add(index);
            }
        }

        private PatternElement Element(string part, string pattern)
        {
            if (part.StartsWith("..", StringComparison.Ordinal))
            {
                return int.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var gap) && gap > 0
                    ? new PatternElement([], TokenFlags.None, false, gap)
                    : throw new InvalidDataException($"Signal pattern '{pattern}': bad gap '{part}'.");
            }

            var optional = part.Length > 1 && part[^1] == '?';
            var body = optional ? part[..^1] : part;
            var ids = new List<int>();
            var accept = TokenFlags.None;
            foreach (var alternative in body.Split('|'))
            {
                if (alternative == "<num>")
                {
                    accept |= TokenFlags.Number;
                    continue;
                }

                if (alternative == "<neg>")
                {
                    accept |= TokenFlags.Negator;
                    continue;
                }

                var words = alternative.Length > 2 && alternative[0] == '<' && alternative[^1] == '>' ? Slot(alternative[1..^1]) : [alternative];
                foreach (var word in words)
                {
                    if (!IsOneToken(word))
                    {
                        throw new InvalidDataException($"Signal pattern '{pattern}': '{word}' is not one word as the tokenizer sees it.");
                    }

                    var id = Id(word.ToLowerInvariant());
                    if (!ids.Contains(id))
                    {
                        ids.Add(id);
                    }
                }
            }

            return new PatternElement([.. ids], accept, optional, 0);
        }

        private static bool IsOneToken(string word) =>
            word.Length > 0 && char.IsLetterOrDigit(word[0]) && word.All(c => char.IsLetterOrDigit(c) || c == '\'');

        private int Id(string word)
        {
            if (!_ids.TryGetValue(word, out var id))
            {
                id = _ids.Count;
                _ids.Add(word, id);
                _flags.Add(word.EndsWith("n't", StringComparison.Ordinal) ? TokenFlags.Negator : TokenFlags.None);
                _starts.Add([]);
            }

            return id;
        }

        public SignalRuleSet Build(FrozenDictionary<int, int> emoji, string[] obfuscationRoots, int obfuscationRule) => new(
            _ids.ToFrozenDictionary(StringComparer.Ordinal),
            [.. _flags],
            [.. _starts.Select(s => s.ToArray())],
            [.. _numberStarts],
            [.. _negatorStarts],
            [.. _patterns],
            [.. _rules],
            emoji,
            obfuscationRoots,
            obfuscationRule,
            Scoring);
    }
}
