namespace Bot.Knowledge.Catalog;

/// <summary>Holds the current <see cref="KnowledgeSnapshot"/>; a cache of the store, replaced whole when the store changes.</summary>
public interface IKnowledgeCatalog
{
    /// <summary>True once a snapshot has been loaded from the store.</summary>
    bool IsLoaded { get; }

    /// <summary>The current snapshot; throws until the knowledge base has been loaded.</summary>
    KnowledgeSnapshot Current { get; }
}

internal sealed class KnowledgeCatalog : IKnowledgeCatalog
{
    private volatile KnowledgeSnapshot? _current;

    public bool IsLoaded => _current is not null;

    public KnowledgeSnapshot Current => _current ?? throw new InvalidOperationException("The knowledge base is not loaded yet.");

    public void Replace(KnowledgeSnapshot snapshot) => _current = snapshot;
}
