using Bot.Handoff;
using Bot.Handoff.Sla;

namespace Bot.Tests.Handoff.Sla;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static WorkingCalendar Calendar() => new(new WorkingCalendarOptions
    {
        Holidays = [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 5)],
        ExtraWorkingDays = [new DateOnly(2026, 10, 10)],
    });

    [Fact]
    public void One_working_day_from_friday_morning_is_monday_morning()
    {
        var friday = new DateTimeOffset(2026, 11, 20, 10, 0, 0, China);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, China), Calendar().AddDays(friday, 1));
    }

    [Fact]
    public void Working_hours_stand_still_over_the_weekend()
    {
        var fridayNight = new DateTimeOffset(2026, 11, 20, 23, 0, 0, China);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, China), Calendar().AddHours(fridayNight, 2));
    }

    [Fact]
    public void Holidays_are_skipped_and_a_makeup_saturday_counts()
    {
        var calendar = Calendar();
        var beforeHoliday = new DateTimeOffset(2026, 9, 30, 9, 0, 0, China);

        // 30 Sep + 1 working day: 1, 2 Oct holidays, 3–4 weekend, 5 holiday → 6 Oct.
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 9, 0, 0, China), calendar.AddDays(beforeHoliday, 1));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
    }

    [Fact]
    public void A_request_made_at_the_weekend_starts_counting_on_monday()
    {
        var saturday = new DateTimeOffset(2026, 11, 21, 15, 0, 0, China);

        // Five whole working days, Monday to Friday: due as Friday ends.
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, China), Calendar().AddDays(saturday, 5));
    }

    [Fact]
    public void Deadlines_come_back_in_utc()
    {
        var due = Calendar().AddHours(new DateTimeOffset(2026, 11, 23, 9, 0, 0, China), 1);

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), due);
    }
}
