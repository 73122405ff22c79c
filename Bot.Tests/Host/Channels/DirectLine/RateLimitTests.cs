using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.DirectLine.Limits;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Host.Channels.DirectLine;

/// <summary>The limits' token buckets (docs/decisions/0010): a minute's worth of requests, refilled evenly over the minute.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public void A_conversation_may_post_its_minutes_worth_at_once_then_one_more_each_time_a_token_has_refilled()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var limits = new DirectLineLimits(Options.Create(new DirectLineOptions { ActivitiesPerConversationPerMinute = 6 }), clock);

        var burst = Enumerable.Range(0, 6).Select(_ => limits.TryPostActivity("a")).ToList();
        var refused = limits.TryPostActivity("a");
        var other = limits.TryPostActivity("b");
        clock.Advance(TimeSpan.FromSeconds(10));
        var refilled = limits.TryPostActivity("a");
        var again = limits.TryPostActivity("a");

        Assert.All(burst, Assert.Null);
        Assert.Equal("conversation", refused?.Scope);
        Assert.Equal(TimeSpan.FromSeconds(10), refused?.RetryAfter);
        Assert.Null(other);
        Assert.Null(refilled);
        Assert.NotNull(again);
    }

    [Fact]
    public void Retry_after_is_at_least_one_second_even_when_the_next_token_comes_sooner()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var limits = new DirectLineLimits(Options.Create(new DirectLineOptions { RequestsPerAddressPerMinute = 600 }), clock);

        for (var i = 0; i < 600; i++) Assert.Null(limits.TryRequest("127.0.0.1"));
        var refused = limits.TryRequest("127.0.0.1");

        Assert.Equal("address", refused?.Scope);
        Assert.Equal(TimeSpan.FromSeconds(1), refused?.RetryAfter);
    }
}
