using Bot.Knowledge.Search;
using Bot.Knowledge.Seed;

namespace Bot.Tests.Knowledge.Search.Evaluation;

/// <summary>The search documents the host indexes, built from the validated seed.</summary>
internal static class SeedDocuments
{
    public static IReadOnlyList<SearchDocument> Load(string seedDirectory) => SearchDocuments.From(SeedLoader.Load(seedDirectory));
}
