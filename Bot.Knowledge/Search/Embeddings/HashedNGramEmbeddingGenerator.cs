using System.Numerics.Tensors;
using Bot.Knowledge.Text;
using Bot.Knowledge.Search.Lexical;
using Microsoft.Extensions.AI;

namespace Bot.Knowledge.Search.Embeddings;

/// <summary>
/// The offline default embedding: the analyser's tokens (words, character uni- and bigrams, pinyin bigrams)
/// hashed into a fixed-size signed vector, each weighted by its kind and its rarity in the catalogue, then
/// L2-normalised. No model, no download; it measures how much of one text's informative wording another shares.
/// </summary>
public sealed class HashedNGramEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>, ICorpusFittedGenerator
{
    private readonly TextAnalyzer _analyzer;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private volatile Weights _weights = new(new Dictionary<string, float>(StringComparer.Ordinal), 1f);

    /// <summary>Creates the generator.</summary>
    public HashedNGramEmbeddingGenerator(TextAnalyzer analyzer, int dimensions = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        _analyzer = analyzer;
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("govdoorplate-builtin", null, "hashed-ngram", dimensions);
    }

    /// <summary>The analyser whose tokens it embeds.</summary>
    public TextAnalyzer Analyzer => _analyzer;

    /// <summary>Vector size.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public void Fit(IReadOnlyList<string> corpus) => Fit(corpus.AsParallel().AsOrdered().Select(_analyzer.Analyze).ToList());

    /// <summary>Learns the catalogue's token rarities from texts already analysed, one token list per text.</summary>
    public void Fit(IReadOnlyList<IReadOnlyList<Token>> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);

        // Document frequencies counted per partition in parallel, then merged.
        var partials = new System.Collections.Concurrent.ConcurrentBag<Dictionary<string, int>>();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, corpus.Count, Math.Max(1024, corpus.Count / (4 * Environment.ProcessorCount))),
            range =>
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    seen.Clear();
                    foreach (var token in corpus[i])
                    {
                        if (seen.Add(token.Key))
                        {
                            counts[token.Key] = counts.GetValueOrDefault(token.Key) + 1;
                        }
                    }
                }

                partials.Add(counts);
            });
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var partial in partials)
        {
            foreach (var (key, n) in partial)
            {
                frequencies[key] = frequencies.GetValueOrDefault(key) + n;
            }
        }

        var count = Math.Max(corpus.Count, 1);
        var idf = frequencies.ToDictionary(p => p.Key, p => (float)Math.Log(1 + ((double)count / p.Value)), StringComparer.Ordinal);
        _weights = new Weights(idf, (float)Math.Log(1 + count));
    }

    /// <summary>The embedding of a text already analysed: the same vector <see cref="GenerateAsync"/> makes of it.</summary>
    public float[] Embed(IReadOnlyList<Token> tokens) => Embed(tokens, _weights);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var weights = _weights;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(_analyzer.Analyze(value), weights)) { ModelId = "hashed-ngram" });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private float[] Embed(IReadOnlyList<Token> tokens, Weights weights)
    {
        var vector = new float[Dimensions];
        foreach (var token in tokens.DistinctBy(t => t.Key))
        {
            var rarity = weights.Idf.TryGetValue(token.Key, out var idf)
                ? idf
                : weights.Unseen * TokenWeights.UnseenFactor(token, _analyzer.Lexicon.Idf);
            var hash = StableHash.Of(token.Key);
            var bucket = (int)(hash % (ulong)Dimensions);
            var sign = (hash >> 63) == 0 ? 1f : -1f;
            vector[bucket] += sign * rarity * TokenWeights.Of(token.Kind) * token.Weight;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private sealed record Weights(Dictionary<string, float> Idf, float Unseen);
}
