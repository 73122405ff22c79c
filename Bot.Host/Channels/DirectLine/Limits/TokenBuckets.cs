using System.Collections.Concurrent;

namespace Bot.Host.Channels.DirectLine.Limits;

/// <summary>
/// A token bucket per key that holds a minute's worth of requests and refills continuously over a minute. Our own rather
/// than <c>PartitionedRateLimiter</c>: every Direct Line request takes one or two tokens, and the framework's limiter
/// takes a process-wide lock per acquisition and runs a timer over every partition (a few % of a turn's CPU in perf).
/// Here a take is a dictionary read and a short lock on that key's bucket.
/// </summary>
internal sealed class TokenBuckets(int perMinute, TimeProvider time)
{
    /// <summary>Beyond this many keys, buckets that have refilled completely (idle for a minute) are dropped.</summary>
    private const int MaxKeys = 50_000;

    private static readonly long RefillTicks = TimeSpan.FromMinutes(1).Ticks;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _count; // ConcurrentDictionary.Count takes every lock

    /// <returns>Null when a token was taken; otherwise how long until the next one.</returns>
    public TimeSpan? TryTake(string key)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            var created = new Bucket(perMinute, now);
            bucket = _buckets.GetOrAdd(key, created);
            // Counted only by the caller whose bucket went in, so that racing first requests of one key count once.
            if (ReferenceEquals(bucket, created) && Interlocked.Increment(ref _count) > MaxKeys) DropIdle(now);
        }
        lock (bucket) return bucket.TryTake(now, perMinute);
    }

    private void DropIdle(long now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            bool idle;
            lock (bucket) idle = now - bucket.Updated >= RefillTicks;
            if (idle && _buckets.TryRemove(key, out _)) Interlocked.Decrement(ref _count);
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        private double _tokens = tokens;

        public long Updated { get; private set; } = updated;

        public TimeSpan? TryTake(long now, int limit)
        {
            if (now > Updated)
            {
                _tokens = Math.Min(limit, _tokens + (now - Updated) * (double)limit / RefillTicks);
                Updated = now;
            }
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return null;
            }
            return TimeSpan.FromTicks((long)Math.Ceiling((1 - _tokens) * RefillTicks / limit));
        }
    }
}
