using System.Diagnostics;
using Bot.Knowledge.Search.Embeddings;
using Bot.Knowledge.Search.Ranking;
using Bot.Knowledge.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Knowledge.Search;

/// <summary>
/// The knowledge search: lexical BM25F over words and character n-grams, vector similarity to each
/// document's nearest example, and a classifier trained on the examples, fused linearly into one score
/// in [0, 1] on which <see cref="DecisionOptions"/> decide answer, clarify or none.
/// </summary>
public sealed class HybridKnowledgeSearch : IKnowledgeSearch, IDisposable
{
    private const int VectorCandidates = 96;

    private readonly TextAnalyzer _analyzer;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly IVectorIndex _vectors;
    private readonly DecisionOptions _decision;
    private readonly ILogger _logger;
    private readonly SearchMetrics _metrics;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile SearchSnapshot? _snapshot;

    /// <summary>Creates the search over its parts; see <see cref="KnowledgeSearchFactory"/> for a composition from options.</summary>
    public HybridKnowledgeSearch(
        TextAnalyzer analyzer,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IVectorIndex vectors,
        DecisionOptions decision,
        ILogger<HybridKnowledgeSearch>? logger = null,
        SearchMetrics? metrics = null)
    {
        _analyzer = analyzer;
        _embeddings = embeddings;
        _vectors = vectors;
        _decision = decision;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _metrics = metrics ?? new SearchMetrics();
    }

    /// <inheritdoc />
    public void Dispose() => _rebuild.Dispose();

    /// <summary>Whether an index has been built.</summary>
    public bool IsReady => _snapshot is not null;

    /// <inheritdoc />
    /// <remarks>
    /// The lexical index and the classifier switch atomically once the vectors are stored; during the
    /// vector index's recreate-and-upsert a concurrent query may briefly rank without vector matches.
    /// </remarks>
    public async Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            var examples = documents
                .SelectMany(d => d.Fields
                    .Where(SearchSnapshot.IsPositiveExample)
                    .Select((f, ordinal) => (Document: d, Ordinal: ordinal, Text: _analyzer.Normalizer.Normalize(f.Text))))
                .ToList();
            var negatives = documents
                .SelectMany((d, index) => d.Fields.Where(SearchSnapshot.IsNegativeExample).Select(f => (Document: index, Text: _analyzer.Normalizer.Normalize(f.Text))))
                .ToList();
            var texts = examples.Select(e => e.Text).ToList();
            if (_embeddings is ICorpusFittedGenerator fitted)
            {
                fitted.Fit(texts);
            }

            var embedded = texts.Count + negatives.Count == 0 ? []
                : await _embeddings.GenerateAsync([.. texts, .. negatives.Select(n => n.Text)], cancellationToken: cancellationToken).ConfigureAwait(false);
            var vectors = embedded.Take(texts.Count).ToList();
            var nearMisses = NearMisses.From(negatives.Select((n, i) => (n.Document, embedded[texts.Count + i].Vector)));
            var snapshot = SearchSnapshot.Build(documents, _analyzer, nearMisses);
            var points = examples.Select((e, i) => new VectorPoint(
                Vectors.PointIds.For(e.Document.Id, e.Ordinal), vectors[i].Vector, e.Document.Id, e.Document.Kind, e.Text)).ToList();
            await _vectors.RecreateAsync(points.Count == 0 ? 1 : points[0].Vector.Length, cancellationToken).ConfigureAwait(false);
            await _vectors.UpsertAsync(points, cancellationToken).ConfigureAwait(false);
            _snapshot = snapshot;
            var provider = _embeddings.GetService<EmbeddingGeneratorMetadata>()?.ProviderName ?? _embeddings.GetType().Name;
            SearchLog.IndexRebuilt(_logger, documents.Count, points.Count, provider, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <inheritdoc />
    public async Task<SearchResult> SearchAsync(string query, int top, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (decision, hits) = await RankAsync(query, Math.Max(top, 1), cancellationToken).ConfigureAwait(false);
        clock.Stop();
        _metrics.Record(clock.Elapsed, decision.Decision);
        SearchLog.Searched(_logger, decision.Decision, query?.Length ?? 0, hits.Count > 0 ? hits[0].Id : "-",
            hits.Count > 0 ? hits[0].Score : 0, clock.Elapsed.TotalMilliseconds);
        var shown = decision.Decision == SearchDecision.Clarify ? hits.Take(Math.Min(decision.Candidates, top)).ToList() : hits.Take(top).ToList();
        return new SearchResult(decision.Decision, shown);
    }

    /// <summary>
    /// Like <see cref="SearchAsync"/> but always returns the top <paramref name="top"/> hits with their
    /// <see cref="SearchHit.Signals"/> (per-signal scores, matched terms, nearest example), for curators.
    /// </summary>
    public async Task<SearchResult> ExplainAsync(string query, int top, CancellationToken cancellationToken = default)
    {
        var (decision, hits) = await RankAsync(query, Math.Max(top, 1), cancellationToken).ConfigureAwait(false);
        return new SearchResult(decision.Decision, hits.Take(top).ToList());
    }

    private async Task<((SearchDecision Decision, int Candidates), IReadOnlyList<SearchHit>)> RankAsync(
        string? query, int top, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            SearchLog.NotIndexed(_logger);
            return ((SearchDecision.None, 0), []);
        }

        var normalized = snapshot.ExpandPinyin(_analyzer.Normalizer.Normalize(query));
        var tokens = _analyzer.AnalyzeNormalized(normalized);
        if (tokens.Count == 0 || snapshot.Documents.Count == 0)
        {
            return ((SearchDecision.None, 0), []);
        }

        var lexical = snapshot.Lexical.Score(tokens);
        var classifier = snapshot.Classifier.Predict(tokens);
        var (vector, nearest, queryVector) = await VectorScoresAsync(snapshot, normalized, cancellationToken).ConfigureAwait(false);

        var scored = new List<(int Document, double Fused)>(snapshot.Documents.Count);
        for (var d = 0; d < snapshot.Documents.Count; d++)
        {
            var fused = (_decision.LexicalWeight * Math.Min(1, lexical[d]))
                + (_decision.VectorWeight * Math.Max(0, vector[d]))
                + (_decision.ClassifierWeight * classifier[d]);
            scored.Add((d, fused));
        }

        scored.Sort((a, b) => b.Fused.CompareTo(a.Fused));
        var outside = classifier[snapshot.OutsideClass];
        var hits = scored.Take(Math.Max(top, 4)).Select(s =>
        {
            var document = snapshot.Documents[s.Document].Document;
            return new SearchHit(document.Id, document.Kind, document.Name, Math.Round(s.Fused, 4))
            {
                Signals = new SearchSignals(
                    Math.Round(lexical[s.Document], 4),
                    Math.Round(vector[s.Document], 4),
                    Math.Round(classifier[s.Document], 4),
                    lexical.MatchedTerms(s.Document),
                    nearest[s.Document])
                {
                    Outside = Math.Round(outside, 4),
                    NearMiss = Math.Round(snapshot.NearMisses.Similarity(s.Document, queryVector.Span), 4),
                    NotForWords = snapshot.NotForWords(s.Document, tokens),
                },
            };
        }).ToList();
        var decision = DecisionPolicy.Decide(
            hits.Select(h => new DecisionPolicy.Candidate(h.Score, h.Signals!)).ToList(), _decision);
        return (decision, hits);
    }

    private async Task<(double[] Scores, string?[] Nearest, ReadOnlyMemory<float> Query)> VectorScoresAsync(
        SearchSnapshot snapshot, string normalized, CancellationToken cancellationToken)
    {
        var scores = new double[snapshot.Documents.Count];
        var nearest = new string?[snapshot.Documents.Count];
        IReadOnlyList<VectorMatch> matches;
        ReadOnlyMemory<float> query;
        try
        {
            var embedding = await _embeddings.GenerateAsync([normalized], cancellationToken: cancellationToken).ConfigureAwait(false);
            query = embedding[0].Vector;
            matches = await _vectors.SearchAsync(query, VectorCandidates, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            SearchLog.EmbeddingFailed(_logger, exception);
            return (scores, nearest, ReadOnlyMemory<float>.Empty);
        }

        // Matches come best first: the first one of each document is its nearest example.
        foreach (var match in matches)
        {
            if (snapshot.Ordinals.TryGetValue(match.DocumentId, out var d) && nearest[d] is null)
            {
                scores[d] = match.Similarity;
                nearest[d] = match.Text;
            }
        }

        return (scores, nearest, query);
    }
}
