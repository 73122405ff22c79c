using System.ComponentModel.DataAnnotations;
using Bot.Handoff.Tickets;

namespace Bot.Handoff;

/// <summary>Settings of section <c>Handoff</c>: ticket numbers, the working-day calendar and the deadlines per category.</summary>
public sealed class HandoffOptions : IValidatableObject
{
    public const string Section = "Handoff";

    /// <summary>The prefix of ticket numbers: <c>GD</c> gives <c>GD-20261121-0001</c>.</summary>
    [Required(AllowEmptyStrings = false), RegularExpression("^[A-Z]{1,8}$")]
    public string TicketPrefix { get; set; } = "GD";

    public WorkingCalendarOptions Calendar { get; set; } = new();

    /// <summary>Deadlines per ticket category, counted in working time on <see cref="Calendar"/>.</summary>
    public Dictionary<TicketCategory, CategoryDeadlines> Deadlines { get; set; } = new()
    {
        [TicketCategory.Consultation] = new() { FirstResponseHours = 2, DepartmentAcceptanceDays = 1, ResolutionDays = 1 },
        [TicketCategory.Help] = new() { FirstResponseHours = 2, DepartmentAcceptanceDays = 1, ResolutionDays = 3 },
        [TicketCategory.Difficult] = new() { FirstResponseHours = 2, DepartmentAcceptanceDays = 1, ResolutionDays = 5 },
        [TicketCategory.CrossDepartment] = new() { FirstResponseHours = 2, DepartmentAcceptanceDays = 1, ResolutionDays = 7 },
        [TicketCategory.Complaint] = new() { FirstResponseHours = 1, DepartmentAcceptanceDays = 1, ResolutionDays = 5 },
        [TicketCategory.Suggestion] = new() { FirstResponseHours = 4, DepartmentAcceptanceDays = 2, ResolutionDays = 10 },
    };

    /// <summary>How long (wall-clock hours) before a deadline its warning goes out.</summary>
    [Range(0, 240)]
    public double WarnBeforeHours { get; set; } = 4;

    /// <summary>Working days after a breach until the still-unmet deadline escalates one level further.</summary>
    [Range(0.01, 60)]
    public double SecondEscalationAfterDays { get; set; } = 1;

    /// <summary>Working days a 差评 gives for rectification; the 好差评 rules say 5.</summary>
    [Range(1, 60)]
    public int RectificationDays { get; set; } = 5;

    public DeadlineSchedulerOptions Scheduler { get; set; } = new();

    /// <summary>
    /// How long a console counts as present without its host confirming it: a host refreshes its consoles every
    /// third of this, so a host that dies takes its specialists offline after at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long a citizen waits in the queue before the wait turns into a ticket (the citizen is told its number and
    /// the promised time). Zero: they wait until a specialist accepts or they cancel.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "08:00:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public CategoryDeadlines DeadlinesFor(TicketCategory category) => Deadlines[category];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var category in Enum.GetValues<TicketCategory>())
        {
            if (!Deadlines.TryGetValue(category, out var d))
            {
                yield return new ValidationResult($"Handoff:Deadlines:{category} is missing.", [nameof(Deadlines)]);
                continue;
            }
            if (d.FirstResponseHours <= 0) yield return Positive(category, nameof(d.FirstResponseHours));
            if (d.DepartmentAcceptanceDays <= 0) yield return Positive(category, nameof(d.DepartmentAcceptanceDays));
            if (d.ResolutionDays <= 0) yield return Positive(category, nameof(d.ResolutionDays));
        }
        foreach (var result in Calendar.Validate()) yield return result;
        if (Scheduler.InstanceId is { Length: > 180 })
            yield return new ValidationResult("Handoff:Scheduler:InstanceId must be at most 180 characters.", [nameof(Scheduler)]);
    }

    private static ValidationResult Positive(TicketCategory category, string key) =>
        new($"Handoff:Deadlines:{category}:{key} must be greater than 0.", [nameof(Deadlines)]);
}

/// <summary>The three deadlines of one ticket category, in working time.</summary>
public sealed class CategoryDeadlines
{
    /// <summary>Working hours from opening until a specialist accepts the ticket.</summary>
    public double FirstResponseHours { get; set; }

    /// <summary>Working days from dispatch until the lead department starts on it.</summary>
    public double DepartmentAcceptanceDays { get; set; }

    /// <summary>Working days from opening (or reopening) until it is resolved.</summary>
    public double ResolutionDays { get; set; }
}

/// <summary>Which days count. Weekends and public holidays do not; 调休 makes up working days on weekends.</summary>
public sealed class WorkingCalendarOptions
{
    /// <summary>The offset of the local civil day from UTC (China: 8, no daylight saving).</summary>
    public int UtcOffsetHours { get; set; } = 8;

    public List<DayOfWeek> Weekend { get; set; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Public holidays, e.g. <c>2026-10-01</c>.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days that are working days (调休上班).</summary>
    public List<DateOnly> ExtraWorkingDays { get; set; } = [];

    internal IEnumerable<ValidationResult> Validate()
    {
        if (UtcOffsetHours is < -12 or > 14)
            yield return new ValidationResult("Handoff:Calendar:UtcOffsetHours must be between -12 and 14.", [nameof(UtcOffsetHours)]);
        if (Weekend.Distinct().Count() >= 7 && ExtraWorkingDays.Count == 0)
            yield return new ValidationResult("Handoff:Calendar:Weekend leaves no working day.", [nameof(Weekend)]);
    }
}

/// <summary>The durable deadline timers (Quartz on the handoff database).</summary>
public sealed class DeadlineSchedulerOptions
{
    /// <summary>Run the timers in this process. Turn off for a host that serves the API only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Join the other hosts on one PostgreSQL database as a Quartz cluster. Null: clustered on PostgreSQL, not on SQLite.</summary>
    public bool? Clustered { get; set; }

    /// <summary>This host's id in the cluster; null generates one per start (host name and a random suffix).</summary>
    public string? InstanceId { get; set; }

    /// <summary>How often a clustered host checks in; another host takes over its timers after a few missed check-ins.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
