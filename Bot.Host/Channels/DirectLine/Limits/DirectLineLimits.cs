using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Limits;

/// <summary>
/// Token buckets per conversation and per client address. They are kept per host: behind a load balancer of N hosts a
/// client could get up to N times a limit, which is acceptable for abuse protection (a shared limiter would cost a
/// store round-trip per request).
/// </summary>
public sealed class DirectLineLimits
{
    private readonly TokenBuckets _perConversation;
    private readonly TokenBuckets _perAddress;
    private readonly TokenBuckets _startsPerAddress;

    public DirectLineLimits(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _perConversation = new TokenBuckets(o.ActivitiesPerConversationPerMinute, time);
        _perAddress = new TokenBuckets(o.RequestsPerAddressPerMinute, time);
        _startsPerAddress = new TokenBuckets(o.ConversationsPerAddressPerMinute, time);
    }

    /// <summary>Null when allowed; otherwise which limit was hit and when to retry.</summary>
    public LimitHit? TryPostActivity(string conversationId) => Hit(_perConversation.TryTake(conversationId), "conversation");

    public LimitHit? TryRequest(string address) => Hit(_perAddress.TryTake(address), "address");

    public LimitHit? TryStartConversation(string address) => Hit(_startsPerAddress.TryTake(address), "address");

    /// <summary>Retry-After is given in whole seconds, at least one.</summary>
    private static LimitHit? Hit(TimeSpan? retryAfter, string scope) => retryAfter is { } after
        ? new LimitHit(scope, after < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : after)
        : null;
}

/// <summary>A limit that refused a request: its scope (<c>conversation</c> or <c>address</c>) and when to retry.</summary>
public sealed record LimitHit(string Scope, TimeSpan RetryAfter);
