using System.Threading.Channels;
using Bot.Host.Channels.DirectLine.Streaming;
using Bot.Host.Conversations.Activities;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>
/// Group commit for transcripts: the one writer of this host. Appends from every conversation queue here; the writer
/// takes whatever queued while the previous transaction committed and writes it in one transaction, then completes
/// each caller and pushes the new activities to this host's streams. An append is acknowledged only after its commit,
/// so durability and per-conversation order are those of one append per transaction, at a fraction of the commits.
/// </summary>
internal sealed class TranscriptWriter(IServiceScopeFactory scopes, ConversationSignals signals, TranscriptTail tail, KnownConversations known,
    TimeProvider time, ILogger<TranscriptWriter> logger)
    : BackgroundService
{
    /// <summary>Activities per transaction at most: bounds its duration and the size of its statements.</summary>
    private const int MaxActivitiesPerBatch = 1000;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues activities for the next batch and waits for its commit.</summary>
    /// <returns>The activities with their ids (<c>{conversationId}|{sequence:D7}</c>), in the order given.</returns>
    /// <exception cref="ConversationNotFoundException">The conversation was never started.</exception>
    public Task<IReadOnlyList<Activity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        EnqueueAsync(conversationId, activities, repliesToFirst: false, cancellationToken);

    /// <summary>
    /// Appends a turn as one unit: the user's activity and the replies to it. A reply without a <c>replyToId</c> gets
    /// the id the user's activity receives, which is known only in the batch.
    /// </summary>
    /// <returns>The activities with their ids, the user's first.</returns>
    /// <exception cref="ConversationNotFoundException">The conversation was never started.</exception>
    public Task<IReadOnlyList<Activity>> AppendTurnAsync(string conversationId, Activity user, IReadOnlyList<Activity> replies,
        CancellationToken cancellationToken) =>
        EnqueueAsync(conversationId, [user, .. replies], repliesToFirst: true, cancellationToken);

    private async Task<IReadOnlyList<Activity>> EnqueueAsync(string conversationId, IReadOnlyList<Activity> activities, bool repliesToFirst,
        CancellationToken cancellationToken)
    {
        if (activities.Count == 0) return [];
        // Serialized here, on the caller's thread, not in the one writer: the writer only puts the ids in front.
        var bodies = new string[activities.Count];
        var links = new bool[activities.Count];
        for (var i = 0; i < bodies.Length; i++)
        {
            links[i] = repliesToFirst && i > 0 && activities[i].ReplyToId is null;
            bodies[i] = ActivityJson.WriteWithoutId(activities[i]);
        }
        var pending = new PendingAppend(conversationId, activities, bodies, links, cancellationToken);
        if (!_queue.Writer.TryWrite(pending)) throw new OperationCanceledException("The host is stopping; the transcript writer takes no more appends.");
        // Not WaitAsync(cancellationToken): once taken into a batch the append may commit, and the caller must not
        // believe otherwise. A caller cancelled before its batch starts is dropped by the writer instead.
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs until StopAsync completes the queue, not until stoppingToken: what was accepted is written.
        var batch = new List<PendingAppend>();
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            var activities = 0;
            while (activities < MaxActivitiesPerBatch && _queue.Reader.TryRead(out var pending))
            {
                if (pending.Cancellation.IsCancellationRequested) pending.Done.TrySetCanceled(pending.Cancellation);
                else
                {
                    batch.Add(pending);
                    activities += pending.Activities.Count;
                }
            }
            if (batch.Count > 0) await WriteAsync(batch);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<PendingAppend> batch)
    {
        try
        {
            await CommitAsync(batch);
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One bad append must not fail its neighbours: write them one by one, each failing on its own.
            logger.BatchFailed(batch.Count, e);
            foreach (var pending in batch) await WriteAsync([pending]);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var sql = new TranscriptSql(scope.ServiceProvider.GetRequiredService<DirectLineDbContext>());
        await using var transaction = await sql.BeginAsync();
        // Counter rows are locked in one order on every host, so two hosts' batches never deadlock.
        var perConversation = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var pending in batch)
            perConversation[pending.ConversationId] = perConversation.GetValueOrDefault(pending.ConversationId) + pending.Activities.Count;
        var conversations = perConversation.Keys.ToList();
        var counts = perConversation.Values.ToList();
        var lastSequences = await sql.AdvanceCountersAsync(transaction, conversations, counts);

        var next = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < conversations.Count; i++)
            if (lastSequences[i] is { } last) next[conversations[i]] = last - counts[i] + 1;
        var now = time.GetUtcNow();
        var rows = new List<TranscriptRow>(batch.Sum(p => p.Activities.Count));
        var results = new (PendingAppend Pending, Activity[]? Stamped)[batch.Count];
        for (var b = 0; b < batch.Count; b++)
        {
            var pending = batch[b];
            if (!next.TryGetValue(pending.ConversationId, out var sequence)) continue;
            var stamped = new Activity[pending.Activities.Count];
            string? firstId = null;
            for (var i = 0; i < stamped.Length; i++, sequence++)
            {
                var id = DirectLineStore.ActivityId(pending.ConversationId, sequence);
                var replyTo = pending.Links[i] ? firstId : null;
                stamped[i] = pending.Activities[i] with { Id = id, ReplyToId = replyTo ?? pending.Activities[i].ReplyToId };
                rows.Add(new TranscriptRow(pending.ConversationId, sequence, id, ActivityJson.WithIds(pending.Bodies[i], id, replyTo), now));
                firstId ??= id;
            }
            next[pending.ConversationId] = sequence;
            results[b] = (pending, stamped);
        }
        await sql.InsertAsync(transaction, rows);
        await transaction.CommitAsync();

        // The tail learns of the commit before any caller is answered: a client that polls after its POST reads its own writes.
        var appended = new List<(string ConversationId, StoredActivity[] Activities)>(conversations.Count);
        foreach (var group in rows.GroupBy(r => r.ConversationId, StringComparer.Ordinal))
        {
            var activities = group.Select(r => new StoredActivity(r.Sequence, r.Json)).ToArray();
            tail.Committed(group.Key, activities);
            known.Add(group.Key);
            appended.Add((group.Key, activities));
        }
        for (var b = 0; b < batch.Count; b++)
        {
            if (results[b].Stamped is { } stamped) batch[b].Done.TrySetResult(stamped);
            else batch[b].Done.TrySetException(new ConversationNotFoundException(batch[b].ConversationId));
        }
        foreach (var (conversationId, activities) in appended) signals.Notify(conversationId, activities);
    }

    private sealed record PendingAppend(string ConversationId, IReadOnlyList<Activity> Activities, string[] Bodies, bool[] Links,
        CancellationToken Cancellation)
    {
        public TaskCompletionSource<IReadOnlyList<Activity>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
