using Bot.Handoff.Sla;

namespace Bot.Handoff.Storage;

/// <summary>A citizen's full contact, kept out of the ticket and handoff rows so that only code that asks for it sees it.</summary>
internal sealed class ContactRow
{
    /// <summary>The ticket's or the handoff's id.</summary>
    public Guid OwnerId { get; set; }

    public required string Contact { get; set; }
}

/// <summary>One promise of one ticket in one cycle, and what became of it.</summary>
internal sealed class DeadlineRow
{
    public Guid TicketId { get; set; }
    public DeadlineKind Kind { get; set; }
    public int Cycle { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? WarnedAt { get; set; }
    public DateTimeOffset? MetAt { get; set; }
}

/// <summary>
/// One escalation (督办). Unique per ticket, deadline kind, cycle and level: whichever host's timer fires, and however
/// often, the database lets exactly one escalation through.
/// </summary>
internal sealed class EscalationRow
{
    public Guid Id { get; set; }
    public Guid TicketId { get; set; }
    public required string TicketNumber { get; set; }
    public DeadlineKind Kind { get; set; }
    public int Cycle { get; set; }
    public int Level { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset EscalatedAt { get; set; }
}

/// <summary>The last ticket number handed out on one day (yyyyMMdd).</summary>
internal sealed class TicketCounterRow
{
    public required string Day { get; set; }
    public int LastValue { get; set; }
}

/// <summary>One open staff console connection, on the host that holds it (see <see cref="Staff.IStaffPresence"/>).</summary>
internal sealed class PresenceRow
{
    public required string ConnectionId { get; set; }
    public required string UserName { get; set; }
    public required string Role { get; set; }
    public bool Online { get; set; }
    public required string HostId { get; set; }

    /// <summary>When the host last confirmed the connection, in UTC ticks (comparable on every provider).</summary>
    public long SeenAtTicks { get; set; }
}
