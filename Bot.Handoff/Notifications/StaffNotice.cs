namespace Bot.Handoff.Notifications;

/// <summary>Something the staff consoles should show at once (the queue changed, a ticket moved, a deadline was breached).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Subject">The handoff id or ticket number it concerns.</param>
/// <param name="Audience">Who should see it: a role name (<c>Specialist</c>, <c>Supervisor</c>), or <c>department:{id}</c>.</param>
/// <param name="Summary">A short masked description, never containing personal data.</param>
public sealed record StaffNotice(StaffNoticeKind Kind, string Subject, IReadOnlyList<string> Audience, string Summary)
{
    /// <summary>The roles that take citizens: specialists and supervisors.</summary>
    public static readonly string[] Desk = ["Specialist", "Supervisor"];
}

public enum StaffNoticeKind
{
    QueueChanged,
    HandoffAccepted,
    CitizenMessage,
    TicketChanged,
    DeadlineNear,
    Escalated,
}
