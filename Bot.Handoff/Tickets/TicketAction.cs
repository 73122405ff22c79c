namespace Bot.Handoff.Tickets;

/// <summary>What one entry of a ticket's audit trail records.</summary>
public enum TicketAction
{
    Created,
    Accepted,
    Dispatched,
    Started,
    Resolved,
    ReturnVisited,
    Closed,
    Reopened,
    Rated,
    Escalated,
}
