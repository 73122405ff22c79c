using Bot.Host.Conversations.Activities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>Reads and writes Direct Line transcripts. Sequence numbers are per conversation and never reused.</summary>
internal sealed class DirectLineStore(DirectLineDbContext db, TimeProvider time)
{
    /// <summary>
    /// SQLite admits one writer at a time and makes the others spin on SQLITE_BUSY with sleeps; queueing this process's
    /// writers here instead keeps turn latency flat. PostgreSQL needs no such gate (the counter row lock orders appends).
    /// </summary>
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    /// <summary>Creates the conversation unless it exists; true when it was created now.</summary>
    public async Task<bool> EnsureConversationAsync(string conversationId, string? userId, CancellationToken cancellationToken)
    {
        if (await db.Conversations.AsNoTracking().AnyAsync(c => c.Id == conversationId, cancellationToken)) return false;
        db.Conversations.Add(new ConversationRow { Id = conversationId, UserId = userId, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request (perhaps on another host) created it a moment ago.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task<ConversationRow?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);

    /// <summary>
    /// Appends activities in one transaction. The counter row is updated first, which locks it: a concurrent append to
    /// the same conversation waits until this one commits, so commits happen in sequence order and a reader that has
    /// seen sequence N can never later find a smaller one appear (no activity slips behind a watermark).
    /// </summary>
    /// <returns>The activities with their ids (<c>{conversationId}|{sequence:D7}</c>, as the Direct Line service writes them).</returns>
    public async Task<IReadOnlyList<Activity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0) return [];
        var gate = db.Database.IsSqlite() ? SqliteWriter : null;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            return await AppendLockedAsync(conversationId, activities, cancellationToken);
        }
        finally
        {
            gate?.Release();
        }
    }

    private async Task<IReadOnlyList<Activity>> AppendLockedAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSequence, c => c.LastSequence + activities.Count), cancellationToken);
        if (updated == 0) throw new ConversationNotFoundException(conversationId);
        var last = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.LastSequence).SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        var stamped = new List<Activity>(activities.Count);
        for (var i = 0; i < activities.Count; i++)
        {
            var sequence = last - activities.Count + 1 + i;
            var activity = activities[i] with { Id = ActivityId(conversationId, sequence) };
            stamped.Add(activity);
            db.Activities.Add(new ActivityRow
            {
                ConversationId = conversationId, Sequence = sequence, ActivityId = activity.Id!,
                Content = ActivityJson.Write(activity), CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return stamped;
    }

    /// <summary>Activities after <paramref name="watermark"/>, oldest first, as stored JSON.</summary>
    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken) =>
        await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > watermark)
            .OrderBy(a => a.Sequence)
            .Take(max)
            .Select(a => new StoredActivity(a.Sequence, a.Content))
            .ToListAsync(cancellationToken);

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
