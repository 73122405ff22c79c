namespace Bot.Handoff.Handoffs;

/// <summary>
/// One message of a live chat between a citizen and a specialist, kept so that a console that reloads (or another
/// specialist or a supervisor looking later) sees the whole conversation. The citizen's text is kept masked, as the
/// console shows it.
/// </summary>
public sealed class HandoffMessage
{
    private HandoffMessage() { }

    public Guid Id { get; private set; }
    public Guid HandoffId { get; private set; }

    /// <summary><c>citizen</c> or <c>specialist</c>.</summary>
    public string From { get; private set; } = "";

    /// <summary>The specialist's user name; null for the citizen.</summary>
    public string? AuthorId { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>UTC ticks: ordered by the database on every provider (SQLite cannot order a DateTimeOffset).</summary>
    public long AtTicks { get; private set; }

    public DateTimeOffset At => new(AtTicks, TimeSpan.Zero);

    public const string Citizen = "citizen";
    public const string Specialist = "specialist";

    public static HandoffMessage FromCitizen(Guid handoffId, string maskedText, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), HandoffId = handoffId, From = Citizen, Text = maskedText, AtTicks = at.UtcTicks };

    public static HandoffMessage FromSpecialist(Guid handoffId, string specialistId, string text, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), HandoffId = handoffId, From = Specialist, AuthorId = specialistId, Text = text, AtTicks = at.UtcTicks };
}
