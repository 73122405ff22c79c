namespace Bot.Handoff.Sla;

/// <summary>
/// Counts working time: the clock runs through every hour of a working day and stands still on weekends and
/// holidays, so "1 working day" from Friday 10:00 is Monday 10:00 and "2 working hours" from Friday 23:00 is
/// Monday 01:00. Days are civil days at a fixed UTC offset (China has no daylight saving).
/// </summary>
public sealed class WorkingCalendar(WorkingCalendarOptions options)
{
    private readonly TimeSpan _offset = TimeSpan.FromHours(options.UtcOffsetHours);
    private readonly HashSet<DayOfWeek> _weekend = [.. options.Weekend];
    private readonly HashSet<DateOnly> _holidays = [.. options.Holidays];
    private readonly HashSet<DateOnly> _extraWorkingDays = [.. options.ExtraWorkingDays];

    /// <summary>The offset of the civil day from UTC.</summary>
    public TimeSpan UtcOffset => _offset;

    public bool IsWorkingDay(DateOnly day) =>
        _extraWorkingDays.Contains(day) || (!_holidays.Contains(day) && !_weekend.Contains(day.DayOfWeek));

    /// <summary>The instant <paramref name="workingTime"/> of working time after <paramref name="start"/>, in UTC.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var cursor = start.ToOffset(_offset);
        var remaining = workingTime;
        for (var guard = 0; guard < 3660; guard++)
        {
            var day = DateOnly.FromDateTime(cursor.DateTime);
            var nextMidnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), _offset);
            if (IsWorkingDay(day))
            {
                var left = nextMidnight - cursor;
                if (remaining <= left) return (cursor + remaining).ToUniversalTime();
                remaining -= left;
            }
            cursor = nextMidnight;
        }
        throw new InvalidOperationException("The working calendar has no working day in the next ten years.");
    }

    public DateTimeOffset AddDays(DateTimeOffset start, double workingDays) => Add(start, TimeSpan.FromDays(workingDays));

    public DateTimeOffset AddHours(DateTimeOffset start, double workingHours) => Add(start, TimeSpan.FromHours(workingHours));
}
