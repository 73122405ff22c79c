using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Limits;

/// <summary>
/// Token buckets per conversation and per client address. They are kept per host: behind a load balancer of N hosts a
/// client could get up to N times a limit, which is acceptable for abuse protection (a shared limiter would cost a
/// store round-trip per request).
/// </summary>
public sealed class DirectLineLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perConversation;
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _startsPerAddress;

    public DirectLineLimits(IOptions<DirectLineOptions> options)
    {
        var o = options.Value;
        _perConversation = Buckets(o.ActivitiesPerConversationPerMinute);
        _perAddress = Buckets(o.RequestsPerAddressPerMinute);
        _startsPerAddress = Buckets(o.ConversationsPerAddressPerMinute);
    }

    /// <summary>Null when allowed; otherwise which limit was hit and when to retry.</summary>
    public LimitHit? TryPostActivity(string conversationId) => TryAcquire(_perConversation, conversationId, "conversation");

    public LimitHit? TryRequest(string address) => TryAcquire(_perAddress, address, "address");

    public LimitHit? TryStartConversation(string address) => TryAcquire(_startsPerAddress, address, "address");

    private static LimitHit? TryAcquire(PartitionedRateLimiter<string> limiter, string key, string scope)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return new LimitHit(scope, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
    }

    /// <summary>A bucket of one minute's worth of requests that refills evenly over the minute.</summary>
    private static PartitionedRateLimiter<string> Buckets(int perMinute)
    {
        var tokensPerPeriod = Math.Max(1, perMinute / 60);
        var period = TimeSpan.FromMinutes(1) * tokensPerPeriod / perMinute;
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }), StringComparer.Ordinal);
    }

    public void Dispose()
    {
        _perConversation.Dispose();
        _perAddress.Dispose();
        _startsPerAddress.Dispose();
    }
}

/// <summary>A limit that refused a request: its scope (<c>conversation</c> or <c>address</c>) and when to retry.</summary>
public sealed record LimitHit(string Scope, TimeSpan RetryAfter);
