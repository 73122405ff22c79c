using Bot.Handoff.Tickets;
using Microsoft.Extensions.Options;

namespace Bot.Handoff.Sla;

/// <summary>Turns the configured deadlines of a ticket's category into instants on the working-day calendar.</summary>
public sealed class DeadlinePolicy(IOptions<HandoffOptions> options)
{
    private readonly HandoffOptions _options = options.Value;

    public WorkingCalendar Calendar { get; } = new(options.Value.Calendar);

    public DateTimeOffset DueAt(DeadlineKind kind, TicketCategory category, DateTimeOffset from)
    {
        var deadlines = _options.DeadlinesFor(category);
        return kind switch
        {
            DeadlineKind.FirstResponse => Calendar.AddHours(from, deadlines.FirstResponseHours),
            DeadlineKind.DepartmentAcceptance => Calendar.AddDays(from, deadlines.DepartmentAcceptanceDays),
            DeadlineKind.Resolution => Calendar.AddDays(from, deadlines.ResolutionDays),
            DeadlineKind.Rectification => Calendar.AddDays(from, _options.RectificationDays),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>An instant in county time, as citizens and staff read it.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Calendar.UtcOffset);

    /// <summary>When a deadline opened now falls due, in county time: the promise a citizen is told.</summary>
    public DateTimeOffset LocalDueAt(DeadlineKind kind, TicketCategory category, DateTimeOffset from) => Local(DueAt(kind, category, from));

    public DateTimeOffset RectificationDueAt(DateTimeOffset from) => Calendar.AddDays(from, _options.RectificationDays);

    public DeadlineTimer Timer(Guid ticketId, DeadlineKind kind, int cycle, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var warnAt = dueAt - TimeSpan.FromHours(_options.WarnBeforeHours);
        return new DeadlineTimer(ticketId, kind, cycle, dueAt,
            _options.WarnBeforeHours > 0 && warnAt > now ? warnAt : null,
            Calendar.AddDays(dueAt, _options.SecondEscalationAfterDays));
    }
}
