using System.Diagnostics.Metrics;
using Bot.Knowledge.Search.Embeddings;
using Bot.Knowledge.Search.Vectors;
using Bot.Knowledge.Search.Vectors.Qdrant;
using Bot.Knowledge.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Search;

/// <summary>
/// Composes the search from <see cref="SearchOptions"/> without a container; AddKnowledge registers the
/// same parts (see each method) so that each can also be replaced on its own.
/// </summary>
public static class KnowledgeSearchFactory
{
    /// <summary>Loads the lexicon and builds the analyser (one per process; loading takes about a second).</summary>
    public static TextAnalyzer CreateAnalyzer(SearchOptions options, ILoggerFactory? loggerFactory = null) =>
        new(ChineseLexicon.Load(options.LexiconDirectory, loggerFactory?.CreateLogger("Bot.Knowledge.Text")));

    /// <summary>The configured embedding generator: built-in, or OpenAI-compatible over <paramref name="http"/>.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddings(SearchOptions options, TextAnalyzer analyzer, HttpClient? http = null)
    {
        var embedding = options.Embedding;
        return embedding.Provider switch
        {
            "openai" => new OpenAiEmbeddingGenerator(
                http ?? throw new ArgumentNullException(nameof(http), "The openai embedding provider needs an HttpClient."),
                embedding.Endpoint ?? throw new InvalidOperationException("Knowledge:Search:Embedding:Endpoint is required for the openai provider."),
                embedding.Model ?? throw new InvalidOperationException("Knowledge:Search:Embedding:Model is required for the openai provider."),
                embedding.ApiKey,
                embedding.BatchSize),
            _ => new HashedNGramEmbeddingGenerator(analyzer, embedding.Dimensions),
        };
    }

    /// <summary>The configured vector index: in process, or Qdrant over <paramref name="http"/>.</summary>
    public static IVectorIndex CreateVectorIndex(SearchOptions options, HttpClient? http = null)
    {
        var index = options.VectorIndex;
        return index.Provider switch
        {
            "qdrant" => new QdrantVectorIndex(
                http ?? throw new ArgumentNullException(nameof(http), "The qdrant vector index needs an HttpClient."),
                index.Url ?? throw new InvalidOperationException("Knowledge:Search:VectorIndex:Url is required for the qdrant provider."),
                index.Collection,
                index.ApiKey),
            _ => new InMemoryVectorIndex(),
        };
    }

    /// <summary>The whole search from options. <paramref name="http"/> is needed only for the openai or qdrant providers.</summary>
    public static HybridKnowledgeSearch Create(
        SearchOptions options,
        HttpClient? http = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        analyzer ??= CreateAnalyzer(options, loggerFactory);
        return new HybridKnowledgeSearch(
            analyzer,
            CreateEmbeddings(options, analyzer, http),
            CreateVectorIndex(options, http),
            options.Decision,
            loggerFactory?.CreateLogger<HybridKnowledgeSearch>(),
            new SearchMetrics(meterFactory));
    }
}
