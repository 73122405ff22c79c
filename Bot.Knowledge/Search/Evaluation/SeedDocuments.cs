using Bot.Knowledge.Seed;

namespace Bot.Knowledge.Search.Evaluation;

/// <summary>The search documents the host indexes, built from the validated seed.</summary>
public static class SeedDocuments
{
    /// <summary>Loads and validates <paramref name="seedDirectory"/> as the host does and returns what it indexes.</summary>
    public static IReadOnlyList<SearchDocument> Load(string seedDirectory) => SearchDocuments.From(SeedLoader.Load(seedDirectory));
}
