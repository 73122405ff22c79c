namespace Bot.Host.Conversations.State;

internal sealed class ConversationRow
{
    public required string Id { get; set; }
    public required string ChannelId { get; set; }
    public required string State { get; set; }
    /// <summary>Optimistic concurrency: two hosts saving the same conversation cannot overwrite each other silently.</summary>
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ChecklistRow
{
    public required string Id { get; set; }
    public required string SubjectId { get; set; }
    public required string Answers { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ErrorReportRow
{
    public required string Id { get; set; }
    public required string ConversationId { get; set; }
    public string? SubjectId { get; set; }
    public string? AnswerShown { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><see cref="CreatedAt"/> in UTC ticks: the newest-first listing is sorted by the database (SQLite cannot sort a DateTimeOffset).</summary>
    public long CreatedAtTicks { get; set; }
}

/// <summary>An error a citizen reported (找茬) about an answer, for curators; the note is masked.</summary>
public sealed record ErrorReport(string Id, DateTimeOffset At, string ConversationId, string? SubjectId, string? AnswerShown, string Note);
