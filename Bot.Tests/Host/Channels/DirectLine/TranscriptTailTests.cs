using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;
using Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Host.Channels.DirectLine;

/// <summary>
/// Polls are answered from the tail of what this host committed or read, but only while that is known to be the
/// newest (docs/decisions/0008): a gap, an old watermark or an entry past <c>StorePollMilliseconds</c> reads the store.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TranscriptTailTests(PostgresCluster postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Activities_this_host_committed_are_read_from_the_tail_until_the_store_poll_interval_passes()
    {
        var (tail, clock) = NewTail();
        tail.Committed("c", [Stored(1), Stored(2)]);

        Assert.True(tail.TryRead("c", 0, 100, out var all));
        Assert.Equal([1L, 2L], all.Select(a => a.Sequence));
        Assert.True(tail.TryRead("c", 2, 100, out var none));
        Assert.Empty(none);

        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.False(tail.TryRead("c", 2, 100, out _));
    }

    [Fact]
    public void A_gap_in_the_sequence_starts_the_tail_afresh_so_what_another_host_appended_is_read_from_the_store()
    {
        var (tail, _) = NewTail();
        tail.Committed("c", [Stored(1), Stored(2)]);
        tail.Committed("c", [Stored(5)]); // 3 and 4 were appended by another host

        Assert.False(tail.TryRead("c", 2, 100, out _));
        Assert.True(tail.TryRead("c", 4, 100, out var newest));
        Assert.Equal([5L], newest.Select(a => a.Sequence));
    }

    [Fact]
    public void A_watermark_older_than_the_tail_or_newer_than_it_reads_the_store()
    {
        var (tail, _) = NewTail();
        tail.Committed("c", Enumerable.Range(1, 40).Select(i => Stored(i)).ToList());

        Assert.False(tail.TryRead("c", 0, 100, out _));
        Assert.True(tail.TryRead("c", 8, 100, out var kept));
        Assert.Equal(32, kept.Count);
        Assert.False(tail.TryRead("c", 41, 100, out _));
        Assert.False(tail.TryRead("unknown", 0, 100, out _));
    }

    [Fact]
    public void A_store_read_older_than_what_the_writer_committed_since_does_not_take_it_back()
    {
        var (tail, clock) = NewTail();
        var readAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMilliseconds(10));
        tail.Committed("c", [Stored(1), Stored(2), Stored(3)]);
        tail.Read("c", 0, [Stored(1), Stored(2)], readAt);

        Assert.True(tail.TryRead("c", 0, 100, out var all));
        Assert.Equal([1L, 2L, 3L], all.Select(a => a.Sequence));
    }

    [Fact]
    public async Task A_poll_on_a_second_host_sees_what_the_first_host_appended_within_the_store_poll_interval()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var first = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        await using var second = new ChannelHost(ChannelHost.Settings(database.HostSettings(), new() { ["DirectLine:StorePollMilliseconds"] = "100" }));
        var restOnFirst = new DirectLineRest(first.CreateClient());
        var restOnSecond = new DirectLineRest(second.CreateClient());
        var (conversationId, token, _) = await restOnFirst.StartAsync();

        await restOnSecond.SayAsync(conversationId, token, "在第二台主机上说的话");
        var afterSecond = await restOnSecond.ActivitiesAsync(conversationId, token);
        await restOnFirst.SayAsync(conversationId, token, "在第一台主机上说的话");

        var texts = new List<string?>();
        var watermark = afterSecond.GetProperty("watermark").GetString()!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (texts.Count < 2 && DateTime.UtcNow < deadline)
        {
            var set = await restOnSecond.ActivitiesAsync(conversationId, token, watermark);
            texts.AddRange(set.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
            watermark = set.GetProperty("watermark").GetString()!;
            if (texts.Count < 2) await Task.Delay(20);
        }

        Assert.Equal(["在第一台主机上说的话", "你说：在第一台主机上说的话"], texts);
        Assert.Equal("4", watermark);
    }

    [Fact]
    public async Task A_turn_whose_bot_answers_quickly_is_one_append_and_its_reply_answers_the_citizens_activity()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var rest = new DirectLineRest(host.CreateClient());
        var (conversationId, token, _) = await rest.StartAsync();

        var id = await rest.SayAsync(conversationId, token, "你好");
        var activities = (await rest.ActivitiesAsync(conversationId, token)).GetProperty("activities");

        Assert.Equal([id, $"{conversationId}|0000002"], activities.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(id, activities[1].GetProperty("replyToId").GetString());
        Assert.False(activities[0].TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task A_turn_whose_bot_is_slow_stores_the_citizens_activity_first_so_it_is_seen_while_the_bot_works()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        var bot = new HeldBot();
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings(), new() { ["DirectLine:TurnCoalesceMilliseconds"] = "0" }));
        await using var held = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITurnHandler>();
            services.AddSingleton<ITurnHandler>(bot);
        }));
        var rest = new DirectLineRest(held.CreateClient());
        var (conversationId, token, _) = await rest.StartAsync();

        var posting = rest.SayAsync(conversationId, token, "你好");
        var seen = new List<string?>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (seen.Count == 0 && DateTime.UtcNow < deadline)
        {
            seen = (await rest.ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()
                .Select(a => a.GetProperty("text").GetString()).ToList();
            if (seen.Count == 0) await Task.Delay(20);
        }
        Assert.Equal(["你好"], seen);
        Assert.False(posting.IsCompleted);

        bot.Release();
        var id = await posting;
        var activities = (await rest.ActivitiesAsync(conversationId, token)).GetProperty("activities");
        Assert.Equal(["你好", "稍等，我查一下"], activities.EnumerateArray().Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(id, activities[1].GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task Posting_into_a_conversation_that_was_never_started_runs_no_turn_and_is_a_404()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var rest = new DirectLineRest(host.CreateClient());

        using var response = await rest.SendAsync(HttpMethod.Post, "/v3/directline/conversations/never-started/activities", ChannelHost.Secret,
            new { type = "message", from = new { id = "citizen-1" }, text = "你好" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static (TranscriptTail Tail, ManualTimeProvider Clock) NewTail()
    {
        var clock = new ManualTimeProvider(Start);
        return (new TranscriptTail(clock, Options.Create(new DirectLineOptions { StorePollMilliseconds = 1000 })), clock);
    }

    /// <summary>A bot that answers only when the test lets it: a slow turn handler.</summary>
    private sealed class HeldBot : ITurnHandler
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public async Task<IReadOnlyList<Activity>> OnTurnAsync(Activity activity, CancellationToken cancellationToken)
        {
            await _released.Task.WaitAsync(cancellationToken);
            return [new Activity { Type = ActivityTypes.Message, Text = "稍等，我查一下" }];
        }
    }

    private static StoredActivity Stored(long sequence) => new(sequence, $$"""{"id":"c|{{sequence:D7}}","type":"message"}""");
}
