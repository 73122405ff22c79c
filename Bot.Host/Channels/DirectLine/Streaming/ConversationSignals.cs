using System.Collections.Concurrent;

namespace Bot.Host.Channels.DirectLine.Streaming;

/// <summary>
/// In-process wake-up of the streams of a conversation when this host appends to it. Appends on another host are
/// not signalled here: streams also read the store every <see cref="DirectLineOptions.StorePollMilliseconds"/>,
/// which is the cross-host path (a shared bus such as PostgreSQL LISTEN/NOTIFY could replace that poll later).
/// </summary>
public sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Subscribes to a conversation; dispose to stop listening.</summary>
    public Subscription Subscribe(string conversationId)
    {
        lock (_gate)
        {
            var entry = _entries.GetOrAdd(conversationId, _ => new Entry());
            entry.Subscribers++;
            return new Subscription(this, conversationId, entry);
        }
    }

    /// <summary>Wakes every stream of the conversation on this host.</summary>
    public void Notify(string conversationId)
    {
        if (_entries.TryGetValue(conversationId, out var entry)) entry.Fire();
    }

    private void Release(string conversationId, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Subscribers == 0) _entries.TryRemove(new KeyValuePair<string, Entry>(conversationId, entry));
        }
    }

    internal sealed class Entry
    {
        private TaskCompletionSource _changed = NewSource();
        public int Subscribers;

        public Task Changed => Volatile.Read(ref _changed).Task;

        public void Fire() => Interlocked.Exchange(ref _changed, NewSource()).TrySetResult();

        private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One listener. Take <see cref="Changed"/> before reading the store, then await it: no signal is missed.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly ConversationSignals _owner;
        private readonly string _conversationId;
        private readonly Entry _entry;
        private bool _disposed;

        internal Subscription(ConversationSignals owner, string conversationId, Entry entry) =>
            (_owner, _conversationId, _entry) = (owner, conversationId, entry);

        /// <summary>Completes at the next append on this host.</summary>
        public Task Changed => _entry.Changed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _owner.Release(_conversationId, _entry);
        }
    }
}
