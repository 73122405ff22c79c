namespace Bot.Tests.Infrastructure;

/// <summary>
/// Real time, moved to another moment: the clock reads <paramref name="now"/> at creation and then runs on, so timers
/// and schedulers behave normally while "open now" and office hours are decided for the chosen moment.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly TimeSpan _shift = now - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

    /// <summary>A Monday, 10:00 in the county (UTC+8): the service centre is open.</summary>
    public static ShiftedTimeProvider MondayMorning() => new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>A Monday, 22:00 in the county: nobody is at the desk.</summary>
    public static ShiftedTimeProvider MondayNight() => new(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.FromHours(8)));
}
