namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>A conversation and the last sequence number handed out in it (the watermark of its newest activity).</summary>
internal sealed class ConversationRow
{
    public required string Id { get; set; }
    public string? UserId { get; set; }
    public long LastSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One activity of a transcript as the JSON that clients receive; <see cref="Sequence"/> is its watermark.</summary>
internal sealed class ActivityRow
{
    public required string ConversationId { get; set; }
    public long Sequence { get; set; }
    public required string ActivityId { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A file uploaded into a conversation, served back at an unguessable URL.</summary>
internal sealed class AttachmentRow
{
    public required string Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ContentType { get; set; }
    public string? Name { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
