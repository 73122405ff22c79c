using System.Diagnostics;
using Activity = Bot.Host.Conversations.Activities.Activity;
using System.Globalization;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench;

/// <summary>
/// Full turns through the real turn handler (no HTTP): N conversations at once, each a 10-turn script
/// (request, questions, checklist, follow-ups), on the embedded SQLite store and on PostgreSQL. Two runs each:
/// "paced", where every citizen pauses about a second between messages as people do (the latency a citizen
/// sees with N conversations open), and "saturated", where they send back to back (the machine's throughput).
/// </summary>
internal static class TurnBench
{
    private static readonly string[] Script =
    [
        "身份证丢了怎么办", "材料清单", "被偷或被抢", "户口在外地", "年满16周岁", "窗口现场免费拍照", "回受理窗口自取", "在哪办", "收费吗", "要多久",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = args.Length >= 2 && args[0] == "--conversations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        Console.WriteLine($"{Environment.ProcessorCount} cores; {conversations} concurrent conversations; paced = ~1 s think time between a citizen's messages");
        var sqlite = Path.Combine(Path.GetTempPath(), $"govdoorplate-bench-{Guid.NewGuid():N}.db");
        await RunOneAsync("sqlite", new() { ["Store:Provider"] = "Sqlite", ["Store:SqlitePath"] = sqlite }, conversations);
        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } postgres)
            await RunOneAsync("postgres", new() { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = postgres }, conversations);
        else
            Console.WriteLine("postgres: skipped (set BENCH_POSTGRES, or run scripts/bench.sh which starts a private cluster)");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlite + suffix);
        return 0;
    }

    private static async Task RunOneAsync(string name, Dictionary<string, string?> settings, int conversations)
    {
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Conversations:TurnsPerMinute"] = "1000";
        await using var host = new BenchHost(settings);
        var services = host.Services;
        // Warm up at full concurrency (JIT, pools, caches), then idle so tiered JIT promotes the hot code.
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(i => ConverseAsync(services, $"warmup-{name}-{i}", paced: false)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var paced in new[] { true, false })
        {
            var timings = new List<double>[conversations];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, conversations).Select(async i =>
            {
                timings[i] = await ConverseAsync(services, $"bench-{name}-{Guid.NewGuid():N}", paced);
            }));
            clock.Stop();
            var stats = new Stats(timings.SelectMany(t => t));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-8} {1,-9} {2} conversations x {3} turns: {4} | {5:F0} turns/s",
                name, paced ? "paced" : "saturated", conversations, Script.Length, stats.Describe(), stats.Count / clock.Elapsed.TotalSeconds));
        }
    }

    private static async Task<List<double>> ConverseAsync(IServiceProvider services, string conversationId, bool paced)
    {
        var timings = new List<double>(Script.Length);
        foreach (var text in Script)
        {
            if (paced) await Task.Delay(500 + Random.Shared.Next(1000));
            var activity = new Activity
            {
                Type = ActivityTypes.Message, Text = text, ChannelId = "bench", Id = Guid.NewGuid().ToString(),
                Conversation = new ConversationAccount(conversationId), From = new ChannelAccount("citizen", Role: "user"),
            };
            var clock = Stopwatch.StartNew();
            await using (var scope = services.CreateAsyncScope())
            {
                var replies = await scope.ServiceProvider.GetRequiredService<ITurnHandler>().OnTurnAsync(activity, CancellationToken.None);
                if (replies.Count == 0) throw new InvalidOperationException($"no reply to '{text}'");
            }
            timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        return timings;
    }
}
