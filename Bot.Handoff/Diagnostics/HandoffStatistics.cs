using Bot.Handoff.Handoffs;
using Bot.Handoff.Ratings;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Bot.Handoff.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Bot.Handoff.Diagnostics;

/// <summary>
/// The figures a supervisor watches, computed from the store so that every host reports the same (the
/// <see cref="HandoffMetrics"/> instruments count per process, for a metrics pipeline): the queue now, waits, first
/// response, SLA breaches and the 好差评 distribution over a period.
/// </summary>
public sealed record HandoffStatistics(
    DateTimeOffset Since,
    DateTimeOffset Until,
    int QueueLength,
    double? LongestWaitSeconds,
    int SpecialistsOnline,
    int Handoffs,
    int HandoffsAccepted,
    int HandoffsTimedOut,
    double? MedianWaitSeconds,
    double? P90WaitSeconds,
    int TicketsOpened,
    IReadOnlyDictionary<TicketCategory, int> TicketsByCategory,
    IReadOnlyDictionary<TicketStatus, int> OpenTicketsByStatus,
    double? MedianFirstResponseMinutes,
    int SlaBreaches,
    IReadOnlyDictionary<Sla.DeadlineKind, int> SlaBreachesByKind,
    IReadOnlyDictionary<SatisfactionLevel, int> Ratings,
    double? SatisfactionRate);

public interface IHandoffStatistics
{
    /// <summary>The queue now, and what happened from <paramref name="since"/> until now.</summary>
    Task<HandoffStatistics> ComputeAsync(DateTimeOffset since, CancellationToken cancellationToken);
}

internal sealed class HandoffStatisticsService(HandoffDbContext db, IStaffPresence presence, TimeProvider time) : IHandoffStatistics
{
    public async Task<HandoffStatistics> ComputeAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Projections are read whole and filtered here: SQLite cannot compare DateTimeOffset columns in SQL, and a
        // county's handoffs and tickets are tens of thousands a year.
        var handoffs = await db.Handoffs.AsNoTracking()
            .Select(h => new { h.Status, h.RequestedAt, h.AcceptedAt, h.Outcome }).ToListAsync(cancellationToken);
        var queued = handoffs.Where(h => h.Status == HandoffStatus.Queued).ToList();
        var recent = handoffs.Where(h => h.RequestedAt >= since).ToList();
        var waits = recent.Where(h => h.AcceptedAt is not null).Select(h => (h.AcceptedAt!.Value - h.RequestedAt).TotalSeconds).Order().ToList();

        var tickets = await db.Tickets.AsNoTracking()
            .Select(t => new { t.Category, t.Status, t.CreatedAt, t.AcceptedAt, t.Rating, t.RatedAt }).ToListAsync(cancellationToken);
        var opened = tickets.Where(t => t.CreatedAt >= since).ToList();
        var firstResponses = opened.Where(t => t.AcceptedAt is not null).Select(t => (t.AcceptedAt!.Value - t.CreatedAt).TotalMinutes).Order().ToList();
        var rated = tickets.Where(t => t.Rating is not null && t.RatedAt >= since).Select(t => t.Rating!.Value).ToList();
        var breaches = (await db.Escalations.AsNoTracking().Select(e => new { e.Kind, e.Level, e.EscalatedAt }).ToListAsync(cancellationToken))
            .Where(e => e.Level == 1 && e.EscalatedAt >= since).ToList();

        return new HandoffStatistics(
            since, now,
            queued.Count,
            queued.Count == 0 ? null : queued.Max(h => (now - h.RequestedAt).TotalSeconds),
            (await presence.OnlineSpecialistsAsync(cancellationToken)).Count,
            recent.Count,
            recent.Count(h => h.AcceptedAt is not null),
            recent.Count(h => h is { Status: HandoffStatus.Failed, Outcome: "queue-timeout" }),
            Percentile(waits, 0.5),
            Percentile(waits, 0.9),
            opened.Count,
            Enum.GetValues<TicketCategory>().ToDictionary(c => c, c => opened.Count(t => t.Category == c)),
            Enum.GetValues<TicketStatus>().Where(s => s is not (TicketStatus.Closed or TicketStatus.Resolved or TicketStatus.ReturnVisited))
                .ToDictionary(s => s, s => tickets.Count(t => t.Status == s)),
            Percentile(firstResponses, 0.5),
            breaches.Count,
            Enum.GetValues<Sla.DeadlineKind>().ToDictionary(k => k, k => breaches.Count(b => b.Kind == k)),
            Enum.GetValues<SatisfactionLevel>().OrderByDescending(l => l).ToDictionary(l => l, l => rated.Count(r => r == l)),
            // 好评率 as the 好差评 rules count it: 非常满意, 满意 and 基本满意 are good.
            rated.Count == 0 ? null : (double)rated.Count(r => !r.IsBad()) / rated.Count);
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
