using System.Diagnostics.Metrics;
using Bot.Handoff.Ratings;
using Bot.Handoff.Sla;
using Bot.Handoff.Tickets;

namespace Bot.Handoff.Diagnostics;

/// <summary>
/// The one Meter of Bot.Handoff. Queue length is an up-down counter of deltas, so the sum over every host is the
/// deployment's queue, with no in-memory total that another host could not see.
/// </summary>
public sealed class HandoffMetrics : IDisposable
{
    public const string MeterName = "GovDoorplate.Handoff";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _queueLength;
    private readonly Histogram<double> _waitTime;
    private readonly Histogram<double> _firstResponseTime;
    private readonly Counter<long> _slaBreaches;
    private readonly Counter<long> _ratings;

    public HandoffMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _queueLength = _meter.CreateUpDownCounter<long>("govdoorplate.handoff.queue.length", "{citizen}", "Citizens waiting for a specialist.");
        _waitTime = _meter.CreateHistogram<double>("govdoorplate.handoff.wait_time", "s", "How long a citizen waited in the queue until a specialist accepted.");
        _firstResponseTime = _meter.CreateHistogram<double>("govdoorplate.handoff.first_response_time", "s", "From opening a ticket to its acceptance.");
        _slaBreaches = _meter.CreateCounter<long>("govdoorplate.handoff.sla_breaches", "{breach}", "Deadlines missed, by kind and escalation level.");
        _ratings = _meter.CreateCounter<long>("govdoorplate.handoff.satisfaction", "{rating}", "好差评 ratings by level: the satisfaction distribution.");
    }

    internal void Queued() => _queueLength.Add(1);

    internal void LeftQueue(TimeSpan? waited)
    {
        _queueLength.Add(-1);
        if (waited is { } w) _waitTime.Record(w.TotalSeconds);
    }

    internal void FirstResponse(TicketCategory category, TimeSpan elapsed) =>
        _firstResponseTime.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("category", category.ToString()));

    internal void SlaBreached(DeadlineKind kind, int level, TicketCategory category) =>
        _slaBreaches.Add(1, new("kind", kind.ToString()), new("level", level), new("category", category.ToString()));

    internal void Rated(SatisfactionLevel level) => _ratings.Add(1, new KeyValuePair<string, object?>("level", level.ToString()));

    public void Dispose() => _meter.Dispose();
}
