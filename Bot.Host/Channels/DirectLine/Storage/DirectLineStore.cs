using Bot.Host.Conversations.Activities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>Reads and writes Direct Line transcripts. Sequence numbers are per conversation and never reused.</summary>
internal sealed class DirectLineStore(DirectLineDbContext db, TranscriptWriter writer, TranscriptTail tail, KnownConversations known, TimeProvider time)
{
    /// <summary>Creates the conversation unless it exists; true when it was created now.</summary>
    public async Task<bool> EnsureConversationAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        if (await FindConversationAsync(conversationId, cancellationToken) is not null) return false;
        db.Conversations.Add(new ConversationRow { Id = conversationId, UserId = userId, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            known.Add(conversationId);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request (perhaps on another host) created it a moment ago.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task<ConversationRow?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is not null) known.Add(conversationId);
        return conversation;
    }

    /// <summary>Whether the conversation was started; conversations this host has seen need no store read.</summary>
    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        known.Contains(conversationId) || await FindConversationAsync(conversationId, cancellationToken) is not null;

    /// <summary>
    /// Appends activities as one unit, through this host's <see cref="TranscriptWriter"/> (group commit), and wakes the
    /// conversation's streams. Appends to one conversation commit in sequence order on every host, so a reader that
    /// has seen sequence N never later finds a smaller one appear (no activity slips behind a watermark).
    /// </summary>
    /// <returns>The activities with their ids (<c>{conversationId}|{sequence:D7}</c>, as the Direct Line service writes them).</returns>
    /// <exception cref="ConversationNotFoundException">The conversation was never started.</exception>
    public Task<IReadOnlyList<Activity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        writer.AppendAsync(conversationId, activities, cancellationToken);

    /// <summary>Activities after <paramref name="watermark"/>, oldest first, as stored JSON (plain SQL: no query translation).</summary>
    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        var readAt = time.GetUtcNow();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT sequence, content FROM directline_activities WHERE conversation_id = @c AND sequence > @w ORDER BY sequence LIMIT @n";
            AddParameter(command, "c", conversationId);
            AddParameter(command, "w", watermark);
            AddParameter(command, "n", (long)max);
            var activities = new List<StoredActivity>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) activities.Add(new StoredActivity(reader.GetInt64(0), reader.GetString(1)));
            }
            // A read that was not cut short holds the newest activities: this host's polls can be answered from the tail for a while.
            if (activities.Count < max && (activities.Count > 0 || known.Contains(conversationId))) tail.Read(conversationId, watermark, activities, readAt);
            return activities;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async Task SaveAttachmentAsync(AttachmentRow attachment, CancellationToken cancellationToken)
    {
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task<AttachmentRow?> FindAttachmentAsync(string conversationId, string attachmentId, CancellationToken cancellationToken) =>
        db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ConversationId == conversationId, cancellationToken);

    public static string ActivityId(string conversationId, long sequence) => FormattableString.Invariant($"{conversationId}|{sequence:D7}");
}

/// <summary>An activity's watermark and its JSON.</summary>
internal sealed record StoredActivity(long Sequence, string Json);

/// <summary>Thrown when activities are sent into a conversation that was never started.</summary>
public sealed class ConversationNotFoundException(string conversationId)
    : Exception($"There is no Direct Line conversation '{conversationId}'.")
{
    public string ConversationId { get; } = conversationId;
}
