namespace Bot.Knowledge.Search;

/// <summary>A catalogue item or bundle as the search engine indexes it.</summary>
public sealed record SearchDocument(string Id, SearchDocumentKind Kind, string Name, IReadOnlyList<SearchField> Fields)
{
    /// <summary>For a bundle, the ids of its member items: a bundle and its members answer the same need.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];
}
