namespace Bot.Knowledge.Search;

/// <summary>One phase of an index build: its wall-clock time and the CPU time the whole process spent meanwhile.</summary>
/// <param name="Name">What the phase does ("analysis", "lexical", …).</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="ProcessorTime">CPU time of the process over all its threads during the phase; on a shared machine a
/// steadier measure of the work than <paramref name="Elapsed"/>.</param>
public sealed record IndexBuildPhase(string Name, TimeSpan Elapsed, TimeSpan ProcessorTime);

/// <summary>Where the time of one index build went, phase by phase in build order.</summary>
public sealed record IndexBuildReport(IReadOnlyList<IndexBuildPhase> Phases)
{
    /// <summary>Wall-clock time of the whole build.</summary>
    public TimeSpan Elapsed => Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Elapsed);

    /// <summary>CPU time of the whole build.</summary>
    public TimeSpan ProcessorTime => Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.ProcessorTime);
}
