using System.Collections.Concurrent;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>
/// Conversations this host has seen exist (started here, found in the store, or appended to). Conversations are never
/// deleted, so a hit needs no store read; a miss reads the store. Bounded: when full it starts over.
/// </summary>
internal sealed class KnownConversations
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private int _count; // ConcurrentDictionary.Count takes every lock

    public bool Contains(string conversationId) => _known.ContainsKey(conversationId);

    public void Add(string conversationId)
    {
        if (_known.ContainsKey(conversationId) || !_known.TryAdd(conversationId, 0)) return;
        if (Interlocked.Increment(ref _count) <= Capacity) return;
        _known.Clear();
        Interlocked.Exchange(ref _count, 0);
    }
}
