namespace Bot.Knowledge.Curation;

/// <summary>
/// A request the assistant could not place (<c>none</c>) or had to ask about (<c>clarify</c>), kept for curators.
/// The text is masked before it is stored.
/// </summary>
public sealed record MissedQuery(
    string Id,
    DateTimeOffset At,
    string Channel,
    string Query,
    string Decision,
    IReadOnlyList<string> Candidates,
    string? ResolvedWith);
