using Bot.Knowledge;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Curation;
using Bot.Knowledge.Search;
using Bot.Knowledge.Storage;
using Bot.Knowledge.Text;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the assistant knows: the store, the seed import and the catalogue snapshot.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Adds Knowledge with its options bound from section <c>Knowledge</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="useStore">Chooses the relational provider (SQLite or PostgreSQL) and its connection; keep
    /// <see cref="KnowledgeDbContext.MigrationsHistoryTable"/> as the migrations history table.</param>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> useStore) =>
        services.AddKnowledge(useStore, _ => { });

    /// <summary>Adds Knowledge, letting the caller adjust options after binding.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> useStore,
        Action<KnowledgeOptions> configure)
    {
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.Section)
            .Configure(configure)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingletonTimeProvider();
        services.AddDbContext<KnowledgeDbContext>((provider, options) =>
        {
            useStore(provider, options);
            // The migrations are hand-written without a model snapshot; a test proves they match the model.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSearch();
        services.AddScoped<KnowledgeStore>();
        services.AddSingleton<KnowledgeCatalog>();
        services.AddSingleton<IKnowledgeCatalog>(sp => sp.GetRequiredService<KnowledgeCatalog>());
        services.AddSingleton<KnowledgeReloader>();
        services.AddScoped(sp => new KnowledgePublisher(
            sp.GetRequiredService<KnowledgeStore>(), sp.GetRequiredService<KnowledgeReloader>(), sp.GetRequiredService<IKnowledgeCatalog>()));
        services.AddScoped(sp => new MissedQueryLog(sp.GetRequiredService<KnowledgeDbContext>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<KnowledgeInitializer>();
        services.AddHostedService<KnowledgeRefresher>();
        return services;
    }

    /// <summary>Retrieval: analyser, embeddings and vector index as configured in <c>Knowledge:Search</c>, fused by the hybrid engine.</summary>
    private static void AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(nameof(SearchOptions.Embedding));
        services.AddHttpClient(nameof(SearchOptions.VectorIndex));
        services.AddSingleton(sp => KnowledgeSearchFactory.CreateAnalyzer(Options(sp), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => KnowledgeSearchFactory.CreateEmbeddings(Options(sp), sp.GetRequiredService<TextAnalyzer>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SearchOptions.Embedding))));
        services.AddSingleton(sp => KnowledgeSearchFactory.CreateVectorIndex(Options(sp),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SearchOptions.VectorIndex))));
        services.AddSingleton(sp => new SearchMetrics(sp.GetService<IMeterFactory>()));
        services.AddSingleton(sp => new HybridKnowledgeSearch(
            sp.GetRequiredService<TextAnalyzer>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<IVectorIndex>(),
            Options(sp).Decision,
            sp.GetService<ILoggerFactory>()?.CreateLogger<HybridKnowledgeSearch>(),
            sp.GetRequiredService<SearchMetrics>()));
        services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<HybridKnowledgeSearch>());

        static SearchOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<SearchOptions>>().Value;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
