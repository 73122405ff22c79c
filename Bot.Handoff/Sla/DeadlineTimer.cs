namespace Bot.Handoff.Sla;

/// <summary>The durable timers of one deadline: a warning before it, and two escalation stages after it.</summary>
/// <param name="TicketId">The ticket.</param>
/// <param name="Kind">Which promise.</param>
/// <param name="Cycle">The ticket's cycle the promise belongs to (reopening starts a new one).</param>
/// <param name="DueAt">When the promise falls due.</param>
/// <param name="WarnAt">When to warn, or null for no warning.</param>
/// <param name="SecondEscalationAt">When a still-unmet deadline escalates one level further.</param>
public sealed record DeadlineTimer(Guid TicketId, DeadlineKind Kind, int Cycle, DateTimeOffset DueAt, DateTimeOffset? WarnAt, DateTimeOffset SecondEscalationAt);

/// <summary>What a deadline timer does when it fires.</summary>
public enum DeadlineStage
{
    Warning = 0,
    FirstEscalation = 1,
    SecondEscalation = 2,
}

/// <summary>Durable timers for ticket deadlines: they survive restarts, and in a cluster each fires on one host only.</summary>
public interface IDeadlineTimers
{
    Task ScheduleAsync(DeadlineTimer timer, CancellationToken cancellationToken);

    Task CancelAsync(Guid ticketId, DeadlineKind kind, int cycle, CancellationToken cancellationToken);
}
