namespace Bot.Handoff.Tickets;

/// <summary>One entry of a ticket's audit trail: who did what, when, from which status to which, and why.</summary>
public sealed class TicketEvent
{
    private TicketEvent() { }

    internal TicketEvent(Guid ticketId, int sequence, TicketAction action, TicketStatus? from, TicketStatus to, Staff.Actor actor, DateTimeOffset at, string? note)
    {
        TicketId = ticketId;
        Sequence = sequence;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ActorId = actor.Id;
        ActorRole = actor.Role?.ToString();
        At = at;
        Note = note;
    }

    public Guid TicketId { get; private set; }

    /// <summary>1, 2, 3… in the order the moves were made.</summary>
    public int Sequence { get; private set; }

    public TicketAction Action { get; private set; }
    public TicketStatus? FromStatus { get; private set; }
    public TicketStatus ToStatus { get; private set; }
    public string ActorId { get; private set; } = "";
    public string? ActorRole { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Note { get; private set; }
}
