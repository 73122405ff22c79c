namespace Bot.Knowledge.Search;

/// <summary>Finds the catalogue items and bundles behind a citizen's words.</summary>
public interface IKnowledgeSearch
{
    /// <summary>(Re)builds every index from <paramref name="documents"/>; safe to call while searches run.</summary>
    Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Ranks documents for <paramref name="query"/> and decides answer, clarify or none.</summary>
    Task<SearchResult> SearchAsync(string query, int top, CancellationToken cancellationToken = default);
}
