using System.Diagnostics.Metrics;

namespace Bot.Knowledge.Search;

/// <summary>
/// The search's instruments on Bot.Knowledge's meter <see cref="MeterName"/>. With an IMeterFactory (from DI)
/// the meter is the factory's shared one; without, a process-wide one.
/// </summary>
public sealed class SearchMetrics
{
    /// <summary>Bot.Knowledge's meter name.</summary>
    public const string MeterName = "GovDoorplate.Knowledge";

    private static readonly Lazy<Meter> FallbackMeter = new(() => new Meter(MeterName));
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _decisions;

    /// <summary>Creates the instruments.</summary>
    public SearchMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? FallbackMeter.Value;
        _duration = meter.CreateHistogram<double>("govdoorplate.search.duration", "s", "Time to rank one query and decide.");
        _decisions = meter.CreateCounter<long>("govdoorplate.search.decisions", "{query}", "Queries by decision.");
    }

    internal void Record(TimeSpan elapsed, SearchDecision decision)
    {
        var tag = new KeyValuePair<string, object?>("govdoorplate.search.decision", DecisionName(decision));
        _duration.Record(elapsed.TotalSeconds, tag);
        _decisions.Add(1, tag);
    }

    private static string DecisionName(SearchDecision decision) => decision switch
    {
        SearchDecision.Answer => "answer",
        SearchDecision.Clarify => "clarify",
        _ => "none",
    };
}
