using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>
/// The newest activities of each active conversation, as this host knows them, so that a poll (<c>GET …/activities</c>)
/// is answered without reading the store. Fed by the <see cref="TranscriptWriter"/> after each commit (before the
/// appending request is answered, so a client reads its own writes) and by store reads. An entry holds every activity
/// in (<c>Floor</c>, <c>Through</c>] and is trusted for <see cref="DirectLineOptions.StorePollMilliseconds"/> after
/// <c>Through</c> was last known to be the conversation's newest sequence: the writer knows it at commit (the counter
/// row is locked until then), a store read knows it at the read. Appends by other hosts are therefore seen within that
/// time, as streams see them; a gap in the sequence starts the entry afresh.
/// </summary>
internal sealed class TranscriptTail(TimeProvider time, IOptions<DirectLineOptions> options)
{
    /// <summary>Activities kept per conversation: polls ask for the last few; older watermarks read the store.</summary>
    private const int Capacity = 32;

    /// <summary>Beyond this many conversations, entries not trusted any more are dropped.</summary>
    private const int MaxConversations = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _count; // ConcurrentDictionary.Count takes every lock: too dear on every commit
    private readonly TimeSpan _trustFor = TimeSpan.FromMilliseconds(options.Value.StorePollMilliseconds);

    /// <summary>The writer committed <paramref name="appended"/> (in sequence order), the conversation's newest activities.</summary>
    public void Committed(string conversationId, IReadOnlyList<StoredActivity> appended)
    {
        if (appended.Count == 0) return;
        var entry = EntryOf(conversationId);
        lock (entry) entry.Append(appended, time.GetUtcNow());
    }

    /// <summary>
    /// A store read that started at <paramref name="readAt"/> found <paramref name="read"/> after
    /// <paramref name="after"/>, and nothing more: they were the newest activities then.
    /// </summary>
    public void Read(string conversationId, long after, IReadOnlyList<StoredActivity> read, DateTimeOffset readAt)
    {
        var entry = EntryOf(conversationId);
        lock (entry) entry.Replace(after, read, readAt);
    }

    /// <summary>The activities after <paramref name="after"/> when this host may answer without the store.</summary>
    public bool TryRead(string conversationId, long after, int max, out IReadOnlyList<StoredActivity> activities)
    {
        activities = [];
        if (!_entries.TryGetValue(conversationId, out var entry)) return false;
        lock (entry)
        {
            if (time.GetUtcNow() - entry.Verified >= _trustFor) return false;
            return entry.TryRead(after, max, out activities);
        }
    }

    private Entry EntryOf(string conversationId)
    {
        if (_entries.TryGetValue(conversationId, out var entry)) return entry;
        entry = new Entry();
        if (!_entries.TryAdd(conversationId, entry)) return _entries[conversationId];
        if (Interlocked.Increment(ref _count) > MaxConversations) Trim();
        return entry;
    }

    private void Trim()
    {
        var stale = time.GetUtcNow() - _trustFor;
        foreach (var (id, entry) in _entries)
            if (entry.Verified < stale && _entries.TryRemove(id, out _)) Interlocked.Decrement(ref _count);
    }

    private sealed class Entry
    {
        private readonly List<StoredActivity> _activities = new(Capacity);
        private long _floor = -1, _through = -1;

        public DateTimeOffset Verified { get; private set; } = DateTimeOffset.MinValue;

        public void Append(IReadOnlyList<StoredActivity> appended, DateTimeOffset now)
        {
            foreach (var activity in appended)
            {
                if (_through >= 0 && activity.Sequence <= _through) continue;
                if (_through < 0 || activity.Sequence != _through + 1)
                {
                    // The first sight of the conversation, or another host appended in between: start afresh here.
                    _activities.Clear();
                    _floor = activity.Sequence - 1;
                }
                _activities.Add(activity);
                _through = activity.Sequence;
            }
            if (_activities.Count > Capacity)
            {
                var drop = _activities.Count - Capacity;
                _floor = _activities[drop - 1].Sequence;
                _activities.RemoveRange(0, drop);
            }
            Verified = now;
        }

        public void Replace(long after, IReadOnlyList<StoredActivity> read, DateTimeOffset readAt)
        {
            var newest = read.Count > 0 ? read[^1].Sequence : after;
            // The writer may have added newer activities since the read started; those are at least as fresh.
            if (_through >= 0 && newest <= _through && Verified >= readAt) return;
            _activities.Clear();
            _floor = after;
            _through = after;
            Verified = readAt;
            Append(read, readAt);
        }

        public bool TryRead(long after, int max, out IReadOnlyList<StoredActivity> activities)
        {
            activities = [];
            if (_through < 0 || after < _floor || after > _through) return false;
            var start = (int)(after - _floor);
            var count = Math.Min(max, _activities.Count - start);
            if (count > 0) activities = _activities.GetRange(start, count);
            return true;
        }
    }
}
