using System.Text.Json;
using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations.Activities;
using Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.Channels.DirectLine;

/// <summary>
/// The transcript writer commits the appends of many conversations in one transaction. These tests hold it to what
/// one transaction per append guaranteed: per-conversation order, unique and gap-free watermarks (also across two
/// hosts), and nothing acknowledged that is not in the store.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests(PostgresCluster postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_appends_get_unique_gap_free_watermarks_in_each_callers_order(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var conversations = await StartAsync(host, 20);

        var appends = await Task.WhenAll(conversations.SelectMany(c => Enumerable.Range(0, 4).Select(caller => CallerAsync(host, c, $"c{caller}", 10))));

        await AssertTranscriptsAsync(host, conversations, appends.SelectMany(a => a).ToList(), expectedPerConversation: 4 * 10 * 3 / 2);
    }

    [Fact]
    public async Task Two_hosts_appending_to_the_same_conversations_never_share_or_skip_a_watermark()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var first = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        await using var second = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var conversations = await StartAsync(first, 10);
        await StartAsync(second, 0);

        var appends = await Task.WhenAll(conversations.SelectMany(c => new[]
        {
            CallerAsync(first, c, "first-a", 10), CallerAsync(first, c, "first-b", 10),
            CallerAsync(second, c, "second-a", 10), CallerAsync(second, c, "second-b", 10),
        })).WaitAsync(TimeSpan.FromSeconds(60));

        await AssertTranscriptsAsync(first, conversations, appends.SelectMany(a => a).ToList(), expectedPerConversation: 4 * 10 * 3 / 2);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_append_whose_insert_fails_fails_alone_and_leaves_no_gap_while_its_batch_neighbours_commit(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var conversations = await StartAsync(host, 10);
        await RejectPoisonAsync(host, provider);

        var poisoned = Task.Run(() => AppendAsync(host, conversations[3], "POISON"));
        var appends = await Task.WhenAll(conversations.SelectMany(c => Enumerable.Range(0, 4).Select(caller => CallerAsync(host, c, $"c{caller}", 6))));

        await Assert.ThrowsAnyAsync<Exception>(() => poisoned);
        await AssertTranscriptsAsync(host, conversations, appends.SelectMany(a => a).ToList(), expectedPerConversation: 4 * 6 * 3 / 2);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Stopping_the_host_or_cancelling_callers_mid_batch_loses_nothing_that_was_acknowledged(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var conversations = await StartAsync(host, 20);
        using var cancel = new CancellationTokenSource();

        var random = new Random(6);
        var attempts = conversations.SelectMany(c => Enumerable.Range(0, 10).Select(i => (Conversation: c, Text: $"{c}-{i}",
            Token: random.Next(3) == 0 ? cancel.Token : CancellationToken.None))).ToList();
        var running = attempts.Select(a => Task.Run(() => AppendAsync(host, a.Conversation, a.Text, a.Token))).ToList();
        await Task.Delay(20);
        await cancel.CancelAsync();
        await host.DisposeAsync();
        var acknowledged = running.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).ToList();
        await Task.WhenAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        await using var restarted = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        acknowledged.AddRange(running.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).Except(acknowledged));
        await AssertTranscriptsAsync(restarted, conversations, acknowledged, expectedPerConversation: null);
    }

    private sealed record Appended(string ConversationId, string Caller, string Text, string Id, long Sequence);

    private static async Task<List<string>> StartAsync(ChannelHost host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DirectLineStore>();
        var ids = Enumerable.Range(0, count).Select(_ => Bot.Host.Channels.DirectLine.ConversationEndpoints.NewConversationId()).ToList();
        foreach (var id in ids) await store.EnsureConversationAsync(id, "citizen", default);
        return ids;
    }

    /// <summary>One caller of one conversation: <paramref name="turns"/> appends in a row, alternately one and two activities.</summary>
    private static async Task<List<Appended>> CallerAsync(ChannelHost host, string conversationId, string caller, int turns)
    {
        await Task.Yield();
        var appended = new List<Appended>();
        for (var i = 0; i < turns; i++)
        {
            var texts = i % 2 == 0 ? new[] { $"{caller}-{i}" } : [$"{caller}-{i}a", $"{caller}-{i}b"];
            await using var scope = host.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<DirectLineStore>().AppendAsync(conversationId,
                texts.Select(t => new Activity { Type = ActivityTypes.Message, Text = t }).ToList(), default);
            appended.AddRange(stored.Select(s => new Appended(conversationId, caller, s.Text!, s.Id!, Sequence(s.Id!))));
        }
        return appended;
    }

    private static async Task<Appended> AppendAsync(ChannelHost host, string conversationId, string text, CancellationToken cancellationToken = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<DirectLineStore>().AppendAsync(conversationId,
            [new Activity { Type = ActivityTypes.Message, Text = text }], cancellationToken);
        return new Appended(conversationId, "", text, stored[0].Id!, Sequence(stored[0].Id!));
    }

    private static long Sequence(string activityId) => long.Parse(activityId[(activityId.IndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Every transcript is numbered 1..N without gap or repeat, every acknowledged append is stored under the id it was
    /// given, and each caller's appends are stored in the order it made them.
    /// </summary>
    private static async Task AssertTranscriptsAsync(ChannelHost host, IReadOnlyList<string> conversations, IReadOnlyList<Appended> acknowledged,
        int? expectedPerConversation)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DirectLineStore>();
        foreach (var conversationId in conversations)
        {
            var stored = await store.ReadAsync(conversationId, 0, 10_000, default);
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(s => s.Sequence));
            if (expectedPerConversation is { } expected) Assert.Equal(expected, stored.Count);
            var texts = stored.ToDictionary(s => s.Sequence, s => JsonDocument.Parse(s.Json).RootElement.GetProperty("text").GetString());
            var ids = stored.ToDictionary(s => s.Sequence, s => JsonDocument.Parse(s.Json).RootElement.GetProperty("id").GetString());
            foreach (var append in acknowledged.Where(a => a.ConversationId == conversationId))
            {
                Assert.Equal(append.Text, texts[append.Sequence]);
                Assert.Equal(append.Id, ids[append.Sequence]);
            }
            foreach (var caller in acknowledged.Where(a => a.ConversationId == conversationId && a.Caller != "").GroupBy(a => a.Caller))
                Assert.Equal(caller.Select(a => a.Sequence).Order(), caller.Select(a => a.Sequence));
        }
    }

    /// <summary>A trigger that refuses any activity containing POISON: an insert failing in the middle of a batch.</summary>
    private static async Task RejectPoisonAsync(ChannelHost host, string provider)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectLineDbContext>();
        if (provider == "postgres")
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION reject_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.content LIKE '%POISON%' THEN RAISE EXCEPTION 'poison'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER reject_poison BEFORE INSERT ON directline_activities FOR EACH ROW EXECUTE FUNCTION reject_poison();
                """);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER reject_poison BEFORE INSERT ON directline_activities
                WHEN NEW.content LIKE '%POISON%' BEGIN SELECT RAISE(ABORT, 'poison'); END;
                """);
        }
    }
}
