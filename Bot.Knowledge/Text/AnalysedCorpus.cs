namespace Bot.Knowledge.Text;

/// <summary>
/// The distinct texts of an index build, each normalised and analysed once, in parallel, into ids of one shared
/// <see cref="TokenVocabulary"/>. Each range of texts interns into a vocabulary of its own (no locking in the hot
/// loop); the range vocabularies are then merged in range order and the ids remapped, so the ids are the same on
/// every run.
/// </summary>
internal sealed class AnalysedCorpus
{
    private readonly Dictionary<string, int> _index;
    private readonly string[] _normalized;
    private readonly TokenSequence[] _tokens;

    private AnalysedCorpus(TokenVocabulary vocabulary, Dictionary<string, int> index, string[] normalized, TokenSequence[] tokens)
    {
        Vocabulary = vocabulary;
        _index = index;
        _normalized = normalized;
        _tokens = tokens;
    }

    public TokenVocabulary Vocabulary { get; }

    /// <summary>The tokens of a text of the corpus, as written.</summary>
    public TokenSequence Tokens(string text) => _tokens[_index[text]];

    /// <summary>The normalised form of a text of the corpus, as written.</summary>
    public string Normalized(string text) => _normalized[_index[text]];

    public static AnalysedCorpus Analyse(TextAnalyzer analyzer, IEnumerable<string> texts)
    {
        var distinct = texts.Distinct(StringComparer.Ordinal).ToArray();
        var normalized = new string[distinct.Length];
        var tokens = new TokenSequence[distinct.Length];
        var ranges = Math.Clamp(distinct.Length / 2048, 1, 4 * Environment.ProcessorCount);
        var local = new TokenVocabulary[ranges];
        Parallel.For(0, ranges, r =>
        {
            var collector = new Collector(local[r] = new TokenVocabulary());
            var (start, end) = Range(r, ranges, distinct.Length);
            var ends = new int[end - start];
            for (var i = start; i < end; i++)
            {
                normalized[i] = analyzer.Normalizer.Normalize(distinct[i]);
                analyzer.Analyze(normalized[i], collector);
                ends[i - start] = collector.Count;
            }

            // One pair of arrays per range, sliced per text.
            var (ids, weights) = collector.Take();
            for (var i = start; i < end; i++)
            {
                var from = i == start ? 0 : ends[i - start - 1];
                tokens[i] = new TokenSequence(new ArraySegment<int>(ids, from, ends[i - start] - from), new ArraySegment<float>(weights, from, ends[i - start] - from));
            }
        });

        var vocabulary = new TokenVocabulary();
        var remaps = local.Select(v => Enumerable.Range(0, v.Count).Select(id => vocabulary.Intern(v.Kind(id), v.Text(id))).ToArray()).ToArray();
        Parallel.For(0, ranges, r =>
        {
            var (start, end) = Range(r, ranges, distinct.Length);
            for (var i = start; i < end; i++)
            {
                var ids = tokens[i].Ids;
                for (var k = 0; k < ids.Count; k++)
                {
                    ids[k] = remaps[r][ids[k]];
                }
            }
        });

        var index = new Dictionary<string, int>(distinct.Length, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            index[distinct[i]] = i;
        }

        return new AnalysedCorpus(vocabulary, index, normalized, tokens);
    }

    private static (int Start, int End) Range(int range, int ranges, int count) =>
        ((int)((long)count * range / ranges), (int)((long)count * (range + 1) / ranges));

    /// <summary>Collects the tokens of a range of texts, one after the other, as ids of a vocabulary.</summary>
    private sealed class Collector(TokenVocabulary vocabulary) : ITokenSink
    {
        private readonly List<int> _ids = new(1 << 16);
        private readonly List<float> _weights = new(1 << 16);

        public int Count => _ids.Count;

        public void Add(TokenKind kind, ReadOnlySpan<char> text, float weight)
        {
            _ids.Add(vocabulary.Intern(kind, text));
            _weights.Add(weight);
        }

        public (int[] Ids, float[] Weights) Take() => ([.. _ids], [.. _weights]);
    }
}
