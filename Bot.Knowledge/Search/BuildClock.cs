using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Search;

/// <summary>Times the phases of one index build (wall-clock and process CPU) and logs each as it ends.</summary>
internal sealed class BuildClock(ILogger logger)
{
    private readonly List<IndexBuildPhase> _phases = [];
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _cpu = Environment.CpuUsage.TotalTime;

    /// <summary>Ends the phase running since the previous lap (or the start) under <paramref name="phase"/>.</summary>
    public void Lap(string phase)
    {
        var elapsed = _wall.Elapsed;
        _wall.Restart();
        var cpu = Environment.CpuUsage.TotalTime;
        var used = cpu - _cpu;
        _cpu = cpu;
        _phases.Add(new IndexBuildPhase(phase, elapsed, used));
        SearchLog.IndexPhase(logger, phase, elapsed.TotalMilliseconds, used.TotalMilliseconds);
    }

    public IndexBuildReport Report() => new([.. _phases]);
}
