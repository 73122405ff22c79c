namespace Bot.Knowledge.Places;

/// <summary>One span of opening hours, e.g. Monday to Friday 08:30–12:00.</summary>
public sealed record OpeningSpan(IReadOnlyList<DayOfWeek> Days, TimeOnly Open, TimeOnly Close, string? Note = null)
{
    /// <summary>True when <paramref name="at"/> (local time) falls inside this span. A close of 24:00 is stored as <see cref="TimeOnly.MaxValue"/>.</summary>
    public bool Contains(DateTime at) =>
        Days.Contains(at.DayOfWeek) && TimeOnly.FromDateTime(at) >= Open && TimeOnly.FromDateTime(at) < Close;
}
