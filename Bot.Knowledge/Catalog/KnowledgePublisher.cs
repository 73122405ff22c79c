using Bot.Knowledge.Items;
using Bot.Knowledge.Seed;
using Bot.Knowledge.Storage;

namespace Bot.Knowledge.Catalog;

/// <summary>
/// Publishes an edited item: validates it against the rest of the knowledge with the seed's rules, stores it, and
/// re-indexes so that the next search finds it — no restart. Other hosts pick it up through the store revision.
/// </summary>
public sealed class KnowledgePublisher
{
    private readonly KnowledgeStore _store;
    private readonly KnowledgeReloader _reloader;
    private readonly IKnowledgeCatalog _catalog;

    internal KnowledgePublisher(KnowledgeStore store, KnowledgeReloader reloader, IKnowledgeCatalog catalog)
    {
        _store = store;
        _reloader = reloader;
        _catalog = catalog;
    }

    /// <summary>Throws <see cref="SeedValidationException"/> (nothing changes) when the item breaks a rule.</summary>
    public async Task PublishAsync(ServiceItem item, CancellationToken cancellationToken = default)
    {
        var current = _catalog.Current;
        var seed = new KnowledgeSeed(
            current.Departments.Values.ToList(),
            current.ServicePoints.Values.ToList(),
            current.Items.Values.Where(i => i.Id != item.Id).Append(item).ToList(),
            current.Bundles.Values.ToList());
        SeedLoader.Validate(seed, $"item {item.Id}");
        await _store.SaveItemAsync(item, cancellationToken);
        await _reloader.ReloadAsync(_store, cancellationToken);
    }
}
