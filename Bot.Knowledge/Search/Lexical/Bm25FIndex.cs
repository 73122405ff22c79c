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

    private readonly TokenVocabulary _vocabulary;
    private readonly Posting[][] _postings;
    private readonly float[] _idf;
    private readonly float _unseenIdf;
    private readonly IdfTable _generalIdf;

    private Bm25FIndex(TokenVocabulary vocabulary, Posting[][] postings, float[] idf, int documentCount, IdfTable generalIdf)
    {
        _vocabulary = vocabulary;
        _postings = postings;
        _idf = idf;
        _unseenIdf = Idf(documentCount, 0);
        _generalIdf = generalIdf;
        DocumentCount = documentCount;
    }

    public int DocumentCount { get; }

    /// <summary>
    /// Builds the index; <paramref name="documents"/> hold per document its fields' tokens (ids of
    /// <paramref name="vocabulary"/>, which must not grow afterwards) and weights.
    /// </summary>
    public static Bm25FIndex Build(IReadOnlyList<IReadOnlyList<AnalyzedField>> documents, TokenVocabulary vocabulary, IdfTable generalIdf)
    {
        var averageLength = documents.SelectMany(d => d)
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Max(1f, (float)g.Average(f => f.Tokens.Count)), StringComparer.Ordinal);

        // Per document in parallel: field-weighted, length-normalised frequencies, in order of first use.
        var frequencies = new (int Token, float Frequency)[documents.Count][];
        Parallel.For(0, documents.Count, () => new FrequencyCounter(vocabulary.Count), (d, _, counter) =>
        {
            foreach (var field in documents[d])
            {
                var norm = 1 - B + (B * field.Tokens.Count / averageLength[field.Name]);
                foreach (var token in field.Tokens.Ids)
                {
                    counter.Add(token, field.Weight / norm);
                }
            }

            frequencies[d] = counter.Take();
            return counter;
        }, _ => { });

        // Posting lists in document order: count, then fill.
        var lengths = new int[vocabulary.Count];
        foreach (var document in frequencies)
        {
            foreach (var (token, _) in document)
            {
                lengths[token]++;
            }
        }

        var postings = lengths.Select(n => n == 0 ? Array.Empty<Posting>() : new Posting[n]).ToArray();
        var idf = lengths.Select(n => n == 0 ? 0f : Idf(documents.Count, n)).ToArray();
        Array.Clear(lengths);
        for (var d = 0; d < frequencies.Length; d++)
        {
            foreach (var (token, frequency) in frequencies[d])
            {
                postings[token][lengths[token]++] = new Posting(d, frequency);
            }
        }

        return new Bm25FIndex(vocabulary, postings, idf, documents.Count, generalIdf);
    }

    /// <summary>
    /// Scores every document for the query tokens, each divided by the score a perfect match of the whole
    /// query would get. Only the postings of the query's tokens are walked; which tokens matched a document is
    /// worked out when asked (<see cref="LexicalScores.MatchedTerms"/>), for the few hits shown.
    /// </summary>
    public LexicalScores Score(IReadOnlyList<Token> query) => Score(query, new double[DocumentCount]);

    /// <summary>Like <see cref="Score(IReadOnlyList{Token})"/>, into <paramref name="scores"/> (at least <see cref="DocumentCount"/> long, zeroed).</summary>
    public LexicalScores Score(IReadOnlyList<Token> query, double[] scores)
    {
        var matched = new List<(string Key, Posting[] Postings, double Weight)>();
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
            var id = _vocabulary.Find(token);
            if (id < 0 || _postings[id].Length == 0)
            {
                ceiling += _unseenIdf * kindWeight * TokenWeights.UnseenFactor(token, _generalIdf);
                continue;
            }

            var postings = _postings[id];
            var weight = _idf[id] * kindWeight;
            ceiling += weight;
            matched.Add((key, postings, weight));
            foreach (var posting in postings)
            {
                scores[posting.Document] += Contribution(weight, posting);
            }
        }

        if (ceiling > 0)
        {
            for (var d = 0; d < DocumentCount; d++)
            {
                scores[d] /= ceiling;
            }
        }

        return new LexicalScores(scores, matched);
    }

    private static float Idf(int documents, int frequency) =>
        (float)Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));

    private static double Contribution(double weight, Posting posting) => weight * posting.Frequency / (K1 + posting.Frequency);

    /// <summary>A document's field-weighted, length-normalised frequency of a token; postings are sorted by document.</summary>
    internal readonly record struct Posting(int Document, float Frequency)
    {
        /// <summary>The contribution of the posting of <paramref name="document"/>, if the list has one.</summary>
        public static double? ContributionTo(Posting[] postings, int document, double weight)
        {
            var (low, high) = (0, postings.Length - 1);
            while (low <= high)
            {
                var middle = (low + high) >>> 1;
                var at = postings[middle].Document;
                if (at == document)
                {
                    return Contribution(weight, postings[middle]);
                }

                (low, high) = at < document ? (middle + 1, high) : (low, middle - 1);
            }

            return null;
        }
    }
}

/// <summary>A field's tokens with the field's weight.</summary>
internal sealed record AnalyzedField(string Name, float Weight, TokenSequence Tokens);

/// <summary>Normalised lexical scores per document and the query tokens that have postings.</summary>
internal sealed class LexicalScores(double[] scores, List<(string Key, Bm25FIndex.Posting[] Postings, double Weight)> matched)
{
    public double this[int document] => scores[document];

    /// <summary>The query tokens the document matched, largest contribution first (query order among equals).</summary>
    public IReadOnlyList<string> MatchedTerms(int document, int top = 8) => matched
        .Select(m => (m.Key, Contribution: Bm25FIndex.Posting.ContributionTo(m.Postings, document, m.Weight)))
        .Where(m => m.Contribution is not null)
        .OrderByDescending(m => m.Contribution)
        .Take(top)
        .Select(m => m.Key)
        .ToList();
}
