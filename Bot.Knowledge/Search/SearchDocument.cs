namespace Bot.Knowledge.Search;

/// <summary>A catalogue item or bundle as the search engine indexes it.</summary>
public sealed record SearchDocument(string Id, SearchDocumentKind Kind, string Name, IReadOnlyList<SearchField> Fields);
