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

public static class TicketActionLabels
{
    public static string Label(this TicketAction action) => action switch
    {
        TicketAction.Created => "登记",
        TicketAction.Accepted => "受理",
        TicketAction.Dispatched => "派单",
        TicketAction.Started => "开始办理",
        TicketAction.Resolved => "办结",
        TicketAction.ReturnVisited => "回访",
        TicketAction.Closed => "关闭",
        TicketAction.Reopened => "重新办理",
        TicketAction.Rated => "评价",
        TicketAction.Escalated => "督办",
        _ => action.ToString(),
    };
}
