using Bot.Knowledge.Search;
using Bot.Knowledge.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Catalog;

/// <summary>
/// Rebuilds the snapshot and the search index from the store. Searches see the old or the new index, requests the
/// old or the new snapshot, never half of either.
/// </summary>
internal sealed class KnowledgeReloader(KnowledgeCatalog catalog, IKnowledgeSearch search, ILogger<KnowledgeReloader> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The store revision the current snapshot was built from.</summary>
    public long LoadedRevision { get; private set; } = -1;

    public void Dispose() => _gate.Dispose();

    public async Task ReloadAsync(KnowledgeStore store, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var revision = await store.RevisionAsync(cancellationToken);
            var snapshot = await store.LoadAsync(cancellationToken);
            await search.IndexAsync(SearchDocuments.From(snapshot.Items.Values, snapshot.Bundles.Values), cancellationToken);
            catalog.Replace(snapshot);
            LoadedRevision = revision;
            logger.KnowledgeLoaded(snapshot.Items.Count, snapshot.Bundles.Count, revision);
        }
        finally
        {
            _gate.Release();
        }
    }
}
