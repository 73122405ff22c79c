using Microsoft.Extensions.Logging;

namespace Bot.Knowledge;

/// <summary>Knowledge log events, EventIds 1000–1999.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1001, LogLevel.Information, "Knowledge seed imported: {Items} items, {Bundles} bundles, {Points} service points (hash {Hash})")]
    public static partial void SeedImported(this ILogger logger, int items, int bundles, int points, string hash);

    [LoggerMessage(1002, LogLevel.Information, "Knowledge seed not imported: unchanged since the last import, or Knowledge:ImportSeedOnStart is off (hash {Hash})")]
    public static partial void SeedUnchanged(this ILogger logger, string hash);

    [LoggerMessage(1003, LogLevel.Critical, "The knowledge seed is invalid; refusing to start. {Problems}")]
    public static partial void SeedInvalid(this ILogger logger, string problems);

    [LoggerMessage(1004, LogLevel.Information, "Knowledge base loaded: {Items} items, {Bundles} bundles (revision {Revision})")]
    public static partial void KnowledgeLoaded(this ILogger logger, int items, int bundles, long revision);

    [LoggerMessage(1005, LogLevel.Warning, "Checking the knowledge revision failed; will retry")]
    public static partial void RefreshFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1006, LogLevel.Information, "Seed import kept the curators' published corrections of {Items}: the seed files had not changed them")]
    public static partial void CorrectionsKept(this ILogger logger, string items);

    [LoggerMessage(1007, LogLevel.Warning, "Seed import replaced the curators' published corrections of {Items} with the seed files' version: the files changed those items too, or a correction no longer fits them")]
    public static partial void CorrectionsSuperseded(this ILogger logger, string items);
}
