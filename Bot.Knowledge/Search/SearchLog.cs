using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Search;

/// <summary>Log messages of the search; EventIds 1100–1149 of Bot.Knowledge's 1xxx range. Query text is never logged.</summary>
internal static partial class SearchLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Search index rebuilt: {DocumentCount} documents, {ExampleCount} examples, embeddings by {Provider}, in {ElapsedMs:F0} ms")]
    public static partial void IndexRebuilt(ILogger logger, int documentCount, int exampleCount, string provider, double elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug,
        Message = "Search decided {Decision} for a query of {QueryLength} characters: top {TopId} at {TopScore:F3}, in {ElapsedMs:F2} ms")]
    public static partial void Searched(ILogger logger, SearchDecision decision, int queryLength, string topId, double topScore, double elapsedMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "Query embedding failed; ranking this query without the vector signal")]
    public static partial void EmbeddingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Search was asked before the index was built; answering none")]
    public static partial void NotIndexed(ILogger logger);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug,
        Message = "Search index build phase {Phase}: {ElapsedMs:F0} ms, {CpuMs:F0} ms CPU")]
    public static partial void IndexPhase(ILogger logger, string phase, double elapsedMs, double cpuMs);
}
