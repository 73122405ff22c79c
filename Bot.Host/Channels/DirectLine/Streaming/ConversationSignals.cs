using System.Collections.Concurrent;
using System.Threading.Channels;
using Bot.Host.Channels.DirectLine.Storage;

namespace Bot.Host.Channels.DirectLine.Streaming;

/// <summary>
/// Hands the activities this host just committed to the streams of their conversation, so that a stream sends them
/// without reading them back from the store. Appends on another host are not seen here: streams notice them as a gap
/// in the sequence, or read the store every <see cref="DirectLineOptions.StorePollMilliseconds"/> (a shared bus such
/// as PostgreSQL LISTEN/NOTIFY could replace that poll later).
/// </summary>
internal sealed class ConversationSignals
{
    private readonly ConcurrentDictionary<string, Subscription[]> _subscribers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Subscribes to a conversation; dispose to stop listening.</summary>
    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        lock (_gate) _subscribers[conversationId] = [.. _subscribers.GetValueOrDefault(conversationId, []), subscription];
        return subscription;
    }

    /// <summary>Gives every stream of the conversation on this host the activities just committed, in sequence order.</summary>
    public void Notify(string conversationId, IReadOnlyList<StoredActivity> appended)
    {
        if (!_subscribers.TryGetValue(conversationId, out var subscriptions)) return;
        foreach (var subscription in subscriptions) subscription.Push(appended);
    }

    private void Release(Subscription subscription)
    {
        lock (_gate)
        {
            var rest = _subscribers.GetValueOrDefault(subscription.ConversationId, []).Where(s => s != subscription).ToArray();
            if (rest.Length == 0) _subscribers.TryRemove(subscription.ConversationId, out _);
            else _subscribers[subscription.ConversationId] = rest;
        }
    }

    /// <summary>
    /// One listener. Subscribe before reading the store: anything committed afterwards is queued here. A stream that
    /// falls far behind loses the oldest entries, which it sees as a gap and fills from the store.
    /// </summary>
    public sealed class Subscription : IDisposable
    {
        private const int Capacity = 64;

        private readonly ConversationSignals _owner;
        private readonly Channel<IReadOnlyList<StoredActivity>> _appended = Channel.CreateBounded<IReadOnlyList<StoredActivity>>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        private bool _disposed;

        internal Subscription(ConversationSignals owner, string conversationId) => (_owner, ConversationId) = (owner, conversationId);

        public string ConversationId { get; }

        /// <summary>Completes when something was appended since the last <see cref="TryTake"/>.</summary>
        public Task WaitAsync(CancellationToken cancellationToken) => _appended.Reader.WaitToReadAsync(cancellationToken).AsTask();

        public bool TryTake(out IReadOnlyList<StoredActivity> appended) => _appended.Reader.TryRead(out appended!);

        internal void Push(IReadOnlyList<StoredActivity> appended) => _appended.Writer.TryWrite(appended);

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _owner.Release(this);
        }
    }
}
