using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Bot.Bench;

/// <summary>
/// Live-handoff relay latency on the real host (real conversation engine, Kestrel on loopback), on SQLite and, when
/// BENCH_POSTGRES is set (scripts/bench.sh), PostgreSQL: <c>--citizens N</c> citizens on Direct Line (WebSocket stream)
/// ask for a human; a specialist signed in with the staff cookie, listening on <c>/hubs/staff</c>, accepts all of them.
/// Then every citizen, at the same time, <c>--rounds R</c> times: citizen → console (POST the activity until the hub
/// pushes that citizen message) and console → citizen (POST the handoff message until the citizen's stream delivers it).
/// </summary>
internal static class HandoffBench
{
    private const string Password = "Doorplate-2026";
    private const int WarmUp = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
        var rounds = Value("--rounds", 100);
        var citizens = Value("--citizens", 10);
        var sqlite = Path.Combine(Path.GetTempPath(), $"govdoorplate-bench-{Guid.NewGuid():N}.db");
        var stores = new List<(string Name, Dictionary<string, string?> Settings)>
        {
            ("SQLite", new() { ["Store:Provider"] = "Sqlite", ["Store:SqlitePath"] = sqlite }),
        };
        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } postgres)
            stores.Add(("PostgreSQL", new() { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = postgres }));
        Console.WriteLine($"live handoff relay: {citizens} citizens at once, {rounds} rounds each after {WarmUp} warm-up, one specialist holding every chat, " +
            $"loopback, {Environment.ProcessorCount} cores" + (stores.Count == 1 ? " (set BENCH_POSTGRES, or use scripts/bench.sh, for PostgreSQL)" : ""));
        try
        {
            foreach (var (name, store) in stores) await RunStoreAsync(name, store, citizens, rounds);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlite + suffix);
        }
    }

    private static async Task RunStoreAsync(string name, Dictionary<string, string?> store, int citizens, int rounds)
    {
        await using var host = new DirectLineBenchHost(store, echoHandler: false, new Dictionary<string, string?>
        {
            ["Staff:DevelopmentAccounts"] = "true",
            // The citizen's flood guard (20 turns a minute) would answer "您发得有点快" instead of relaying: lift it to its maximum for the run.
            ["Conversations:TurnsPerMinute"] = "1000",
        },
            OfficeHours()).Start();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var citizenHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        var cookies = new CookieContainer();
        using var staffHttp = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 256 });
        (await staffHttp.PostAsJsonAsync(new Uri(host.Address, "/api/staff/login"), new { userName = "specialist", password = Password }, cancel.Token))
            .EnsureSuccessStatusCode();
        // The console must be connected (在线) before anyone asks: with nobody online 转人工 opens a ticket instead.
        await using var console = await HubReader.ConnectAsync(staffHttp, host.Address, cookies, cancel.Token);
        var heard = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>();
        var listening = Task.Run(async () =>
        {
            while (!cancel.IsCancellationRequested)
            {
                var notice = await console.NextNoticeAsync(cancel.Token);
                if (notice.GetProperty("kind").GetString() == "citizenMessage" && heard.TryRemove(notice.GetProperty("summary").GetString()!, out var waiter))
                    waiter.TrySetResult();
            }
        });

        var chats = new List<(Citizen Citizen, string HandoffId)>();
        for (var c = 0; c < citizens; c++)
        {
            var citizen = await Citizen.StartAsync(citizenHttp, host.Address, cancel.Token);
            await citizen.SayAsync("转人工", cancel.Token);
            await citizen.WaitForAsync(text => text.Contains("正在为您转接", StringComparison.Ordinal), cancel.Token);
            var queue = await staffHttp.GetFromJsonAsync<JsonElement>(new Uri(host.Address, "/api/staff/handoffs"), cancel.Token);
            var handoffId = queue.EnumerateArray().Single(h => h.GetProperty("conversationId").GetString() == citizen.ConversationId).GetProperty("id").GetString()!;
            (await staffHttp.PostAsync(new Uri(host.Address, $"/api/staff/handoffs/{handoffId}/accept"), null, cancel.Token)).EnsureSuccessStatusCode();
            await citizen.WaitForAsync(text => text.Contains("为您服务", StringComparison.Ordinal), cancel.Token);
            chats.Add((citizen, handoffId));
        }

        var inbound = new System.Collections.Concurrent.ConcurrentBag<double>();
        var outbound = new System.Collections.Concurrent.ConcurrentBag<double>();
        var both = new System.Collections.Concurrent.ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(chats.Select((chat, c) => Task.Run(async () =>
        {
            for (var round = 0; round < WarmUp + rounds; round++)
            {
                var asked = $"市民{c}第{round}句";
                var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                heard[asked] = arrived;
                var clock = Stopwatch.StartNew();
                await chat.Citizen.SayAsync(asked, cancel.Token);
                await arrived.Task.WaitAsync(cancel.Token);
                var inMs = clock.Elapsed.TotalMilliseconds;

                var answered = $"专员回复{c}第{round}句";
                clock.Restart();
                (await staffHttp.PostAsJsonAsync(new Uri(host.Address, $"/api/staff/handoffs/{chat.HandoffId}/messages"), new { text = answered }, cancel.Token))
                    .EnsureSuccessStatusCode();
                await chat.Citizen.WaitForAsync(text => text == answered, cancel.Token);
                var outMs = clock.Elapsed.TotalMilliseconds;
                if (round < WarmUp) continue;
                inbound.Add(inMs);
                outbound.Add(outMs);
                both.Add(inMs + outMs);
            }
        })));
        wall.Stop();
        await cancel.CancelAsync();
        try
        {
            await listening;
        }
        catch (OperationCanceledException) { }

        Console.WriteLine($"{name}, turn handler: {host.Handler}, {citizens * rounds} rounds in {wall.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  citizen -> console (Direct Line POST -> turn -> hub push):   {new Stats(inbound).Describe()}");
        Console.WriteLine($"  console -> citizen (staff POST -> Direct Line stream):       {new Stats(outbound).Describe()}");
        Console.WriteLine($"  round trip (one message each way):                          {new Stats(both).Describe()}");
    }

    /// <summary>Monday 10:00 in the county (UTC+8), running on: the desk is staffed, so 转人工 queues for a specialist.</summary>
    private static TimeProvider OfficeHours() => new ShiftedClock(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    private sealed class ShiftedClock(DateTimeOffset now) : TimeProvider
    {
        private readonly TimeSpan _shift = now - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }

    /// <summary>A citizen on Direct Line: posts messages, reads the WebSocket stream.</summary>
    private sealed class Citizen(HttpClient http, Uri host, string token, string conversationId, ClientWebSocket stream)
    {
        public string ConversationId => conversationId;

        public static async Task<Citizen> StartAsync(HttpClient http, Uri host, CancellationToken cancel)
        {
            var page = await (await http.PostAsync(new Uri(host, "/api/directline/token"), null, cancel)).EnsureSuccessStatusCode()
                .Content.ReadFromJsonAsync<JsonElement>(cancel);
            var token = page.GetProperty("token").GetString()!;
            using var start = DirectLineBench.Request(HttpMethod.Post, new Uri(host, "/v3/directline/conversations"), token);
            var started = await (await http.SendAsync(start, cancel)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancel);
            var stream = new ClientWebSocket();
            await stream.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), cancel);
            return new Citizen(http, host, token, page.GetProperty("conversationId").GetString()!, stream);
        }

        public async Task SayAsync(string text, CancellationToken cancel)
        {
            using var post = DirectLineBench.Request(HttpMethod.Post, new Uri(host, $"/v3/directline/conversations/{conversationId}/activities"), token,
                new { type = "message", from = new { id = "citizen" }, text });
            (await http.SendAsync(post, cancel)).EnsureSuccessStatusCode();
        }

        /// <summary>Reads the stream until an activity from the assistant or a specialist has matching text.</summary>
        public async Task WaitForAsync(Func<string, bool> match, CancellationToken cancel)
        {
            while (true)
            {
                var frame = await DirectLineBench.ReceiveAsync(stream, cancel);
                if (frame.Length == 0) continue;
                foreach (var activity in JsonDocument.Parse(frame).RootElement.GetProperty("activities").EnumerateArray())
                {
                        if (activity.GetProperty("from").GetProperty("id").GetString() == "citizen") continue;
                    if (activity.TryGetProperty("text", out var text) && text.GetString() is { } value && match(value)) return;
                }
            }
        }
    }
}
