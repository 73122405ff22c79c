using Bot.Knowledge.Text;

namespace Bot.Knowledge.Search.Lexical;

/// <summary>
/// BM25F over the analysed tokens of each document's fields. Field-weighted, length-normalised term
/// frequencies are folded at build time, so a query costs one posting-list walk per distinct token.
/// </summary>
internal sealed class Bm25FIndex
{
    private const float K1 = 1.2f;
    private const float B = 0.5f;

    private readonly Dictionary<string, Posting[]> _postings;
    private readonly Dictionary<string, float> _idf;
    private readonly float _unseenIdf;
    private readonly IdfTable _generalIdf;

    private Bm25FIndex(Dictionary<string, Posting[]> postings, Dictionary<string, float> idf, int documentCount, IdfTable generalIdf)
    {
        _postings = postings;
        _idf = idf;
        _unseenIdf = Idf(documentCount, 0);
        _generalIdf = generalIdf;
        DocumentCount = documentCount;
    }

    public int DocumentCount { get; }

    /// <summary>Builds the index; <paramref name="documents"/> hold per document its fields' tokens and weights.</summary>
    public static Bm25FIndex Build(IReadOnlyList<IReadOnlyList<AnalyzedField>> documents, IdfTable generalIdf)
    {
        var averageLength = documents.SelectMany(d => d)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Max(1f, (float)g.Average(f => f.Tokens.Count)), StringComparer.Ordinal);

        var weighted = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            var frequencies = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var field in documents[d])
            {
                var norm = 1 - B + (B * field.Tokens.Count / averageLength[field.Name]);
                foreach (var token in field.Tokens)
                {
                    frequencies[token.Key] = frequencies.GetValueOrDefault(token.Key) + (field.Weight / norm);
                }
            }

            foreach (var (key, frequency) in frequencies)
            {
                if (!weighted.TryGetValue(key, out var list))
                {
                    weighted[key] = list = [];
                }

                list.Add(new Posting(d, frequency));
            }
        }

        var idf = weighted.ToDictionary(p => p.Key, p => Idf(documents.Count, p.Value.Count), StringComparer.Ordinal);
        return new Bm25FIndex(weighted.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), idf, documents.Count, generalIdf);
    }

    /// <summary>
    /// Scores every document for the query tokens, each divided by the score a perfect match of the whole
    /// query would get, and records which tokens matched.
    /// </summary>
    public LexicalScores Score(IReadOnlyList<Token> query)
    {
        var scores = new double[DocumentCount];
        var matched = new List<(int Document, string Key, double Contribution)>();
        double ceiling = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in query)
        {
            var key = token.Key;
            if (!seen.Add(key))
            {
                continue;
            }

            var kindWeight = TokenWeights.Of(token.Kind) * token.Weight;
            if (!_postings.TryGetValue(key, out var postings))
            {
                ceiling += _unseenIdf * kindWeight * TokenWeights.UnseenFactor(token, _generalIdf);
                continue;
            }

            var weight = _idf[key] * kindWeight;
            ceiling += weight;
            foreach (var posting in postings)
            {
                var contribution = weight * posting.Frequency / (K1 + posting.Frequency);
                scores[posting.Document] += contribution;
                matched.Add((posting.Document, key, contribution));
            }
        }

        if (ceiling > 0)
        {
            for (var d = 0; d < scores.Length; d++)
            {
                scores[d] /= ceiling;
            }
        }

        return new LexicalScores(scores, matched);
    }

    /// <summary>Whether any document uses the token.</summary>
    public bool Knows(string key) => _postings.ContainsKey(key);

    private static float Idf(int documents, int frequency) =>
        (float)Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));

    private readonly record struct Posting(int Document, float Frequency);
}

/// <summary>A field's tokens with the field's weight.</summary>
internal sealed record AnalyzedField(string Name, float Weight, IReadOnlyList<Token> Tokens);

/// <summary>Normalised lexical scores per document and the matched tokens behind them.</summary>
internal sealed class LexicalScores(double[] scores, List<(int Document, string Key, double Contribution)> matches)
{
    public double this[int document] => scores[document];

    public IReadOnlyList<string> MatchedTerms(int document, int top = 8) => matches
        .Where(m => m.Document == document)
        .OrderByDescending(m => m.Contribution)
        .Take(top)
        .Select(m => m.Key)
        .ToList();
}
