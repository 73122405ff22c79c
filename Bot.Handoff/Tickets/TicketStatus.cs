namespace Bot.Handoff.Tickets;

/// <summary>
/// new → accepted → (resolved by the specialist) or dispatched → in progress → resolved → return visit → closed;
/// reopen leads back to accepted (no department) or in progress (dispatched).
/// </summary>
public enum TicketStatus
{
    New,
    Accepted,
    Dispatched,
    InProgress,
    Resolved,
    ReturnVisited,
    Closed,
}

public static class TicketStatusLabels
{
    public static string Label(this TicketStatus status) => status switch
    {
        TicketStatus.New => "待受理",
        TicketStatus.Accepted => "已受理",
        TicketStatus.Dispatched => "已派单",
        TicketStatus.InProgress => "办理中",
        TicketStatus.Resolved => "已办结",
        TicketStatus.ReturnVisited => "已回访",
        TicketStatus.Closed => "已关闭",
        _ => status.ToString(),
    };
}
