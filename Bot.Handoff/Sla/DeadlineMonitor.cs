using Bot.Handoff.Diagnostics;
using Bot.Handoff.Notifications;
using Bot.Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bot.Handoff.Sla;

/// <summary>
/// Decides what a fired deadline timer means: nothing if the promise was kept, a warning once, or an escalation
/// (督办) that the database lets through exactly once per ticket, kind, cycle and level — whichever host fires.
/// </summary>
internal sealed class DeadlineMonitor(
    HandoffDbContext db,
    TimeProvider time,
    DeadlinePolicy policy,
    HandoffMetrics metrics,
    NotificationRelay notify,
    ILogger<DeadlineMonitor> logger)
{
    private const int Attempts = 3;

    public async Task FireAsync(Guid ticketId, DeadlineKind kind, int cycle, DeadlineStage stage, CancellationToken cancellationToken)
    {
        logger.DeadlineFired(ticketId, kind, stage.ToString());
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.TicketId == ticketId && d.Kind == kind && d.Cycle == cycle, cancellationToken);
            var ticket = await db.Tickets.Include(t => t.History).SingleOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (deadline is null || ticket is null || deadline.MetAt is not null) return;
            var now = time.GetUtcNow();
            if (ticket.IsMet(kind, cycle))
            {
                deadline.MetAt = now;
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            if (stage == DeadlineStage.Warning)
            {
                await WarnAsync(ticket.Number, deadline, now, cancellationToken);
                return;
            }

            var level = (int)stage;
            db.Escalations.Add(new EscalationRow
            {
                Id = Guid.NewGuid(), TicketId = ticketId, TicketNumber = ticket.Number, Kind = kind, Cycle = cycle, Level = level,
                DueAt = deadline.DueAt, EscalatedAt = now,
            });
            ticket.Escalate(kind, level, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                continue; // a member of staff moved the ticket at the same moment: look again
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another host (or a repeated firing) recorded this escalation first: the unique index refused ours.
                if (!await AlreadyEscalatedAsync(ticketId, kind, cycle, level, cancellationToken)) continue;
                logger.EscalationAlreadyRecorded(ticket.Number, kind, level);
                return;
            }
            logger.SlaBreached(ticket.Number, kind, deadline.DueAt, level);
            metrics.SlaBreached(kind, level, ticket.Category);
            await notify.StaffAsync(new StaffNotice(StaffNoticeKind.Escalated, ticket.Number,
                level == 1 ? ["Supervisor"] : ["Supervisor", "Admin"],
                $"工单 {ticket.Number} {kind.Label()}时限已超期，{level}级督办"), cancellationToken);
            return;
        }
    }

    private async Task WarnAsync(string number, DeadlineRow deadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = await db.Deadlines
            .Where(d => d.TicketId == deadline.TicketId && d.Kind == deadline.Kind && d.Cycle == deadline.Cycle && d.WarnedAt == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.WarnedAt, now), cancellationToken);
        if (first == 0) return;
        logger.DeadlineNear(number, deadline.Kind, deadline.DueAt);
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.DeadlineNear, number, StaffNotice.Desk,
            $"工单 {number} {deadline.Kind.Label()}时限即将到期（{policy.Local(deadline.DueAt):M月d日 HH:mm}）"), cancellationToken);
    }

    private Task<bool> AlreadyEscalatedAsync(Guid ticketId, DeadlineKind kind, int cycle, int level, CancellationToken cancellationToken) =>
        db.Escalations.AsNoTracking().AnyAsync(e => e.TicketId == ticketId && e.Kind == kind && e.Cycle == cycle && e.Level == level, cancellationToken);
}
