using System.Buffers;
using System.Diagnostics;
using Bot.Knowledge.Search.Embeddings;
using Bot.Knowledge.Search.Lexical;
using Bot.Knowledge.Search.Ranking;
using Bot.Knowledge.Search.Vectors;
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
    private const int VectorBatch = 32_768;

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

    /// <summary>Where the time of the last completed index build went, phase by phase; null before the first.</summary>
    public IndexBuildReport? LastBuild { get; private set; }

    /// <inheritdoc />
    /// <remarks>
    /// The lexical index and the classifier switch atomically once the vectors are stored; during the
    /// vector index's recreate-and-upsert a concurrent query may briefly rank without vector matches.
    /// Every distinct field text is normalised and analysed once, in parallel; the built-in embedding reuses
    /// those tokens, and vectors are embedded and stored in batches so that they are never all held at once.
    /// </remarks>
    public async Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var clock = Stopwatch.StartNew();
            var phases = new BuildClock(_logger);
            var corpus = AnalysedCorpus.Analyse(_analyzer, documents.SelectMany(d => d.Fields)
                .Where(f => SearchSnapshot.IsPositiveExample(f) || SearchSnapshot.IsNegativeExample(f))
                .Select(f => f.Text));
            var examples = documents
                .SelectMany(d => d.Fields.Where(SearchSnapshot.IsPositiveExample).Select((f, ordinal) => (Document: d, Ordinal: ordinal, f.Text)))
                .ToList();
            var negatives = documents
                .SelectMany((d, index) => d.Fields.Where(SearchSnapshot.IsNegativeExample).Select(f => (Document: index, f.Text)))
                .ToList();
            phases.Lap("analysis");
            var hashed = TokenEmbedding;
            if (hashed is not null)
            {
                hashed.Fit(corpus.Vocabulary, examples.Select(e => corpus.Tokens(e.Text)).ToList());
            }
            else if (_embeddings is ICorpusFittedGenerator fitted)
            {
                fitted.Fit(examples.Select(e => corpus.Normalized(e.Text)).ToList());
            }

            phases.Lap("embedding fit");
            var negativeVectors = await EmbedAsync(hashed, negatives.Select(n => n.Text).ToList(), corpus, cancellationToken).ConfigureAwait(false);
            var nearMisses = NearMisses.From(negatives.Select((n, i) => (n.Document, negativeVectors[i])));
            phases.Lap("near misses");
            var snapshot = SearchSnapshot.Build(documents, corpus, _analyzer, nearMisses, phases);

            var recreated = false;
            foreach (var batch in examples.Chunk(VectorBatch))
            {
                var vectors = await EmbedAsync(hashed, batch.Select(e => e.Text).ToList(), corpus, cancellationToken).ConfigureAwait(false);
                if (!recreated)
                {
                    await _vectors.RecreateAsync(vectors[0].Length, cancellationToken).ConfigureAwait(false);
                    recreated = true;
                }

                var points = batch.Select((e, i) => new VectorPoint(
                    PointIds.For(e.Document.Id, e.Ordinal), vectors[i], e.Document.Id, e.Document.Kind, corpus.Normalized(e.Text))).ToList();
                await _vectors.UpsertAsync(points, cancellationToken).ConfigureAwait(false);
            }

            if (!recreated)
            {
                await _vectors.RecreateAsync(1, cancellationToken).ConfigureAwait(false);
            }

            phases.Lap("vectors");
            (_vectors as InMemoryVectorIndex)?.Prepare();
            phases.Lap("vector postings");
            _snapshot = snapshot;
            LastBuild = phases.Report();
            var provider = _embeddings.GetService<EmbeddingGeneratorMetadata>()?.ProviderName ?? _embeddings.GetType().Name;
            SearchLog.IndexRebuilt(_logger, documents.Count, examples.Count, provider, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>The built-in embedding when it analyses as this search does, so that it can embed this search's tokens.</summary>
    private HashedNGramEmbeddingGenerator? TokenEmbedding =>
        _embeddings is HashedNGramEmbeddingGenerator hashed && ReferenceEquals(hashed.Analyzer, _analyzer) ? hashed : null;

    private async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedAsync(
        HashedNGramEmbeddingGenerator? hashed, IReadOnlyList<string> texts, AnalysedCorpus corpus, CancellationToken cancellationToken)
    {
        if (hashed is not null)
        {
            var vectors = new ReadOnlyMemory<float>[texts.Count];
            Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => vectors[i] = hashed.Embed(corpus.Tokens(texts[i])));
            return vectors;
        }

        if (texts.Count == 0)
        {
            return [];
        }

        var embedded = await _embeddings.GenerateAsync(texts.Select(corpus.Normalized), cancellationToken: cancellationToken).ConfigureAwait(false);
        return embedded.Select(e => e.Vector).ToList();
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

        var normalized = snapshot.ExpandReadings(_analyzer.Normalizer.Normalize(query));
        var tokens = _analyzer.AnalyzeNormalized(normalized);
        if (tokens.Count == 0 || snapshot.Documents.Count == 0)
        {
            return ((SearchDecision.None, 0), []);
        }

        // Per-document scores live in pooled arrays: at 100 000 documents fresh ones would be large-object
        // allocations on every query, and the collections they cause show in the latency tail.
        var lexicalScores = ArrayPool<double>.Shared.Rent(snapshot.Documents.Count);
        var classifier = ArrayPool<float>.Shared.Rent(snapshot.Classifier.Classes);
        try
        {
            Array.Clear(lexicalScores, 0, snapshot.Documents.Count);
            snapshot.Classifier.Predict(tokens, classifier);
            return await RankAsync(snapshot, normalized, tokens, snapshot.Lexical.Score(tokens, lexicalScores), classifier, top, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(lexicalScores);
            ArrayPool<float>.Shared.Return(classifier);
        }
    }

    private async Task<((SearchDecision Decision, int Candidates), IReadOnlyList<SearchHit>)> RankAsync(
        SearchSnapshot snapshot, string normalized, IReadOnlyList<Token> tokens, LexicalScores lexical, float[] classifier, int top,
        CancellationToken cancellationToken)
    {
        var (vector, queryVector) = await VectorScoresAsync(snapshot, normalized, tokens, cancellationToken).ConfigureAwait(false);

        // The best few by fused score, without sorting every document: a bounded min-heap, ties to the earlier document.
        var shown = Math.Max(top, 4);
        var best = new PriorityQueue<int, (double Fused, int Document)>(shown + 1, FusedOrder.Instance);
        for (var d = 0; d < snapshot.Documents.Count; d++)
        {
            var similarity = vector.TryGetValue(d, out var match) ? match.Similarity : 0;
            var fused = (_decision.LexicalWeight * Math.Min(1, lexical[d]))
                + (_decision.VectorWeight * Math.Max(0, similarity))
                + (_decision.ClassifierWeight * classifier[d]);
            if (best.Count < shown)
            {
                best.Enqueue(d, (fused, d));
            }
            else if (best.TryPeek(out _, out var worst) && FusedOrder.Instance.Compare((fused, d), worst) > 0)
            {
                best.DequeueEnqueue(d, (fused, d));
            }
        }

        var scored = new List<(int Document, double Fused)>(best.Count);
        while (best.TryDequeue(out var d, out var key))
        {
            scored.Add((d, key.Fused));
        }

        scored.Reverse();
        var outside = classifier[snapshot.OutsideClass];
        var hits = scored.Select(s =>
        {
            var document = snapshot.Documents[s.Document];
            var nearest = vector.GetValueOrDefault(s.Document);
            return new SearchHit(document.Id, document.Kind, document.Name, Math.Round(s.Fused, 4))
            {
                Signals = new SearchSignals(
                    Math.Round(lexical[s.Document], 4),
                    Math.Round(nearest.Similarity, 4),
                    Math.Round(classifier[s.Document], 4),
                    lexical.MatchedTerms(s.Document),
                    nearest.Text)
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

    /// <summary>Each matched document's nearest example and its similarity, and the query's vector.</summary>
    private async Task<(Dictionary<int, (double Similarity, string? Text)> Nearest, ReadOnlyMemory<float> Query)> VectorScoresAsync(
        SearchSnapshot snapshot, string normalized, IReadOnlyList<Token> tokens, CancellationToken cancellationToken)
    {
        var nearest = new Dictionary<int, (double Similarity, string? Text)>();
        IReadOnlyList<VectorMatch> matches;
        ReadOnlyMemory<float> query;
        try
        {
            query = TokenEmbedding is { } hashed
                ? hashed.Embed(tokens)
                : (await _embeddings.GenerateAsync([normalized], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector;
            matches = await _vectors.SearchAsync(query, VectorCandidates, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            SearchLog.EmbeddingFailed(_logger, exception);
            return (nearest, ReadOnlyMemory<float>.Empty);
        }

        // Matches come best first: the first one of each document is its nearest example.
        foreach (var match in matches)
        {
            if (snapshot.Ordinals.TryGetValue(match.DocumentId, out var d))
            {
                nearest.TryAdd(d, (match.Similarity, match.Text));
            }
        }

        return (nearest, query);
    }

    /// <summary>Orders (fused score, document) pairs from worst to best: lower score, then later document.</summary>
    private sealed class FusedOrder : IComparer<(double Fused, int Document)>
    {
        public static readonly FusedOrder Instance = new();

        public int Compare((double Fused, int Document) x, (double Fused, int Document) y) =>
            x.Fused != y.Fused ? x.Fused.CompareTo(y.Fused) : y.Document.CompareTo(x.Document);
    }
}
