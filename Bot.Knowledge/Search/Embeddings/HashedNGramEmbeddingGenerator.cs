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
    [ThreadStatic]
    private static HashSet<int>? _seen;

    private volatile Weights _weights = new(new TokenVocabulary(), [], [], 1f);

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
        var vocabulary = new TokenVocabulary();
        Fit(vocabulary, corpus.Select(tokens => vocabulary.Intern(tokens)).ToList());
    }

    /// <summary>
    /// Learns the rarities from texts analysed into <paramref name="vocabulary"/>'s ids (an index build's), and works
    /// out once per token what it adds to a vector, so that <see cref="Embed(TokenSequence)"/> needs no lookup by text.
    /// The vocabulary must not grow afterwards.
    /// </summary>
    internal void Fit(TokenVocabulary vocabulary, IReadOnlyList<TokenSequence> corpus)
    {
        // Document frequencies counted per range in parallel, then summed.
        var ranges = Math.Clamp(corpus.Count / 4096, 1, 4 * Environment.ProcessorCount);
        var partials = new int[ranges][];
        Parallel.For(0, ranges, r =>
        {
            var counts = partials[r] = new int[vocabulary.Count];
            var seen = new int[vocabulary.Count];
            for (var i = (int)((long)corpus.Count * r / ranges); i < (int)((long)corpus.Count * (r + 1) / ranges); i++)
            {
                foreach (var id in corpus[i].Ids)
                {
                    if (seen[id] != i + 1)
                    {
                        seen[id] = i + 1;
                        counts[id]++;
                    }
                }
            }
        });

        var count = Math.Max(corpus.Count, 1);
        var unseen = (float)Math.Log(1 + count);
        var contributions = new float[vocabulary.Count];
        var buckets = new int[vocabulary.Count];
        Parallel.For(0, vocabulary.Count, id =>
        {
            var frequency = 0;
            foreach (var partial in partials)
            {
                frequency += partial[id];
            }

            var token = vocabulary.Token(id);
            var rarity = frequency > 0
                ? (float)Math.Log(1 + ((double)count / frequency))
                : unseen * TokenWeights.UnseenFactor(token, _analyzer.Lexicon.Idf);
            (buckets[id], contributions[id]) = Contribution(token, rarity);
        });
        _weights = new Weights(vocabulary, contributions, buckets, unseen);
    }

    /// <summary>The embedding of a text already analysed: the same vector <see cref="GenerateAsync"/> makes of it.</summary>
    public float[] Embed(IReadOnlyList<Token> tokens) => Embed(tokens, _weights);

    /// <summary>
    /// The embedding of a text analysed into the vocabulary of the last <see cref="Fit(TokenVocabulary, IReadOnlyList{TokenSequence})"/>:
    /// the same vector as <see cref="Embed(IReadOnlyList{Token})"/> of its tokens.
    /// </summary>
    internal float[] Embed(TokenSequence tokens)
    {
        var weights = _weights;
        var vector = new float[Dimensions];
        var seen = _seen ??= [];
        seen.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            var id = tokens.Ids[i];
            if (seen.Add(id))
            {
                vector[weights.Buckets[id]] += weights.Contributions[id] * tokens.Weights[i];
            }
        }

        return Normalised(vector);
    }

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
            var id = weights.Vocabulary.Find(token);
            var (bucket, contribution) = id >= 0 && id < weights.Buckets.Length
                ? (weights.Buckets[id], weights.Contributions[id])
                : Contribution(token, weights.Unseen * TokenWeights.UnseenFactor(token, _analyzer.Lexicon.Idf));
            vector[bucket] += contribution * token.Weight;
        }

        return Normalised(vector);
    }

    /// <summary>The token's bucket, and what it adds there per unit of its weight: its signed rarity times its kind's weight.</summary>
    private (int Bucket, float Contribution) Contribution(Token token, float rarity)
    {
        var hash = StableHash.Of(token.Key);
        var sign = (hash >> 63) == 0 ? 1f : -1f;
        return ((int)(hash % (ulong)Dimensions), sign * rarity * TokenWeights.Of(token.Kind));
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    /// <summary>
    /// Per token id of the fitted vocabulary: its bucket and its contribution (see <see cref="Contribution"/>); tokens
    /// the vocabulary lacks are worked out at embedding time with the <paramref name="Unseen"/> rarity.
    /// </summary>
    private sealed record Weights(TokenVocabulary Vocabulary, float[] Contributions, int[] Buckets, float Unseen);
}
