using Bot.Handoff.Sla;
using Microsoft.Extensions.Logging;

namespace Bot.Handoff.Diagnostics;

/// <summary>
/// Handoff log events, EventIds 2000–2999. Ticket numbers, ids and statuses only: never a contact, a name,
/// an ID-card number or message text unmasked.
/// </summary>
internal static partial class LogMessages
{
    public const int SlaBreachedId = 2021;

    [LoggerMessage(2001, LogLevel.Information, "Handoff {HandoffId} queued from channel {ChannelId} ({Reason})")]
    public static partial void HandoffQueued(this ILogger logger, Guid handoffId, string channelId, string reason);

    [LoggerMessage(2002, LogLevel.Information, "Handoff {HandoffId} accepted by {Specialist} after {WaitSeconds:F0} s")]
    public static partial void HandoffAccepted(this ILogger logger, Guid handoffId, string specialist, double waitSeconds);

    [LoggerMessage(2003, LogLevel.Information, "Handoff {HandoffId} ended: {Status}")]
    public static partial void HandoffEnded(this ILogger logger, Guid handoffId, string status);

    [LoggerMessage(2010, LogLevel.Information, "Ticket {Number} opened ({Category}) by {Actor}")]
    public static partial void TicketOpened(this ILogger logger, string number, string category, string actor);

    [LoggerMessage(2011, LogLevel.Information, "Ticket {Number}: {Action} by {Actor}, now {Status}")]
    public static partial void TicketMoved(this ILogger logger, string number, string action, string actor, string status);

    [LoggerMessage(2012, LogLevel.Information, "Ticket {Number} rated {Level}")]
    public static partial void TicketRated(this ILogger logger, string number, string level);

    [LoggerMessage(2020, LogLevel.Information, "Ticket {Number}: {Kind} deadline due at {DueAt:O} is near")]
    public static partial void DeadlineNear(this ILogger logger, string number, DeadlineKind kind, DateTimeOffset dueAt);

    [LoggerMessage(SlaBreachedId, LogLevel.Warning, "SLA breached: ticket {Number} missed its {Kind} deadline due at {DueAt:O}; escalated to level {Level}")]
    public static partial void SlaBreached(this ILogger logger, string number, DeadlineKind kind, DateTimeOffset dueAt, int level);

    [LoggerMessage(2022, LogLevel.Debug, "Ticket {Number}: {Kind} escalation level {Level} was already recorded")]
    public static partial void EscalationAlreadyRecorded(this ILogger logger, string number, DeadlineKind kind, int level);

    [LoggerMessage(2023, LogLevel.Debug, "Deadline timer {Stage} for {Kind} of ticket {TicketId} fired")]
    public static partial void DeadlineFired(this ILogger logger, Guid ticketId, DeadlineKind kind, string stage);

    [LoggerMessage(2030, LogLevel.Information, "Deadline scheduler started on {Provider} (clustered: {Clustered}, instance {InstanceId})")]
    public static partial void SchedulerStarted(this ILogger logger, string provider, bool clustered, string instanceId);

    [LoggerMessage(2031, LogLevel.Information, "Deadline scheduler is disabled in this process (Handoff:Scheduler:Enabled is false)")]
    public static partial void SchedulerDisabled(this ILogger logger);

    [LoggerMessage(2040, LogLevel.Warning, "Notifying {Target} about {Subject} failed; the change itself is saved")]
    public static partial void NotificationFailed(this ILogger logger, string target, string subject, Exception exception);

    [LoggerMessage(2041, LogLevel.Warning, "Handoff housekeeping (presence, queue timeouts) failed; it runs again at the next tick")]
    public static partial void HousekeepingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(2050, LogLevel.Information, "Handoff store migrated")]
    public static partial void StoreMigrated(this ILogger logger);
}
