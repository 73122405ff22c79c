using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Bench;

/// <summary>
/// N concurrent conversations of T turns through the WebSocket path and the polling path, and N concurrent clients of
/// T requests against a bare endpoint that does nothing (this machine's ceiling), in one run.
/// A turn is: POST the message, then wait until the bot's reply (replyToId = the posted id) arrives.
/// </summary>
internal static class DirectLineBench
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var sqlite = Path.Combine(Path.GetTempPath(), $"govdoorplate-bench-{Guid.NewGuid():N}.db");
        var stores = new List<(string Name, Dictionary<string, string?> Settings)>
        {
            ("SQLite", new() { ["Store:Provider"] = "Sqlite", ["Store:SqlitePath"] = sqlite }),
        };
        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } postgres)
            stores.Add(("PostgreSQL", new() { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = postgres }));
        try
        {
            await using var bare = await StartBareAsync();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(60),
            };
            var bareUrl = new Uri(bare.Urls.First() + "/noop");
            await WarmUpAsync(() => Phase(new DeliveryStats("warm-up"), settings.Conversations, 5, settings.PhaseTimeout, (s, t, r, c) => BareAsync(http, bareUrl, s, t, r, c)));
            var results = new List<(DeliveryStats Stats, DeliveryStats Ceiling)>();
            var handler = "?";
            foreach (var (store, storeSettings) in stores)
            {
                await using var host = new DirectLineBenchHost(storeSettings, settings.EchoHandler).Start();
                handler = host.Handler;
                // Measure the steady state: the knowledge base has loaded (it trains in the background after start),
                // and both paths ran at full concurrency until the JIT is quiet (tiered JIT, connection pools, the store).
                await WaitUntilReadyAsync(http, host.Address);
                await WarmUpAsync(async () =>
                {
                    if (settings.WebSocket)
                        await Phase(new DeliveryStats("warm-up"), settings.Conversations, 3, settings.PhaseTimeout, (s, t, r, c) => ConversationAsync(http, host.Address, null, s, t, r, c));
                    if (settings.Polling)
                        await Phase(new DeliveryStats("warm-up"), settings.Conversations, 3, settings.PhaseTimeout,
                            (s, t, r, c) => ConversationAsync(http, host.Address, settings.PollMilliseconds, s, t, r, c));
                });
                // Rounds of bare, WebSocket, polling back to back: the machine is shared, so each path is compared with
                // the ceiling measured a moment before it, not with one measured minutes earlier under another load.
                for (var round = 1; round <= settings.Rounds; round++)
                {
                    var ceiling = await Measure(() => new DeliveryStats($"bare ASP.NET endpoint (POST, does nothing), round {round}"), settings.Conversations,
                        settings.Turns, settings.PhaseTimeout, (s, t, r, c) => BareAsync(http, bareUrl, s, t, r, c));
                    results.Add((ceiling, ceiling));
                    if (settings.WebSocket)
                        results.Add((await Measure(() => new DeliveryStats($"Direct Line, WebSocket, {store}, round {round}"), settings.Conversations, settings.Turns,
                            settings.PhaseTimeout, (s, t, r, c) => ConversationAsync(http, host.Address, null, s, t, r, c)), ceiling));
                    if (settings.Polling)
                        results.Add((await Measure(() => new DeliveryStats($"Direct Line, polling every {settings.PollMilliseconds} ms, {store}, round {round}"),
                            settings.Conversations, settings.Turns, settings.PhaseTimeout,
                            (s, t, r, c) => ConversationAsync(http, host.Address, settings.PollMilliseconds, s, t, r, c)), ceiling));
                }
            }

            Console.WriteLine($"{settings.Conversations} concurrent conversations x {settings.Turns} turns, {settings.Rounds} rounds, loopback, " +
                $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, " +
                $"stores: {string.Join(", ", stores.Select(s => s.Name))}" + (stores.Count == 1 ? " (set BENCH_POSTGRES, or use scripts/bench.sh, for PostgreSQL)" : ""));
            Console.WriteLine($"turn handler: {handler}");
            Console.WriteLine();
            Console.WriteLine(DeliveryStats.Header);
            foreach (var (stats, ceiling) in results) Console.WriteLine(stats.Row(ceiling.Throughput));
            Console.WriteLine();
            Console.WriteLine("median over rounds, of the bare endpoint measured in the same round:");
            foreach (var path in results.Where(r => r.Stats != r.Ceiling).GroupBy(r => r.Stats.Name[..r.Stats.Name.LastIndexOf(", round", StringComparison.Ordinal)]))
            {
                var ratios = path.Select(r => r.Stats.Throughput / r.Ceiling.Throughput).Order().ToList();
                var cpu = path.Select(r => r.Stats.CpuPerTurnMicroseconds).Order().ToList();
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"- {path.Key}: {ratios[ratios.Count / 2]:P1} (rounds: {string.Join(", ", path.Select(r => (r.Stats.Throughput / r.Ceiling.Throughput).ToString("P1", System.Globalization.CultureInfo.InvariantCulture)))}), CPU {cpu[cpu.Count / 2]:0} µs/turn"));
            }
            var bareCpu = results.Where(r => r.Stats == r.Ceiling).Select(r => r.Stats.CpuPerTurnMicroseconds).Order().ToList();
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"- bare endpoint: CPU {bareCpu[bareCpu.Count / 2]:0} µs/request"));
            return results.Sum(r => r.Stats.Faults) == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlite + suffix);
        }
    }

    /// <summary>
    /// A measured phase in the steady state: a phase during which the JIT compiled 20 methods or more is measured again
    /// (three times at most). The warm-up does not always reach a quiet JIT (the host's background jobs keep compiling new
    /// code, which delays tiered compilation's promotions), and a phase that promoted a few hundred methods spent up to
    /// half of its CPU in the JIT (perf), on whichever side it happened to fall.
    /// </summary>
    private static async Task<DeliveryStats> Measure(Func<DeliveryStats> stats, int workers, int turns, TimeSpan timeout,
        Func<DeliveryStats, int, Func<Task>, CancellationToken, Task> worker)
    {
        for (var attempt = 1; ; attempt++)
        {
            var measured = await Phase(stats(), workers, turns, timeout, worker);
            if (measured.JitMethods < 20 || attempt == 3) return measured;
            Console.Error.WriteLine($"'{measured.Name}': the JIT compiled {measured.JitMethods} methods during the phase; measuring it again");
        }
    }

    /// <summary>
    /// Runs the workers concurrently. Each does its setup (token, start, socket) and then waits at <c>ready</c>; the clock
    /// starts when all are ready, so turns/s counts turns, not conversation starts.
    /// </summary>
    private static async Task<DeliveryStats> Phase(DeliveryStats stats, int workers, int turns, TimeSpan timeout,
        Func<DeliveryStats, int, Func<Task>, CancellationToken, Task> worker)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = workers;
        var clock = new Stopwatch();
        var cpuAtStart = TimeSpan.Zero;
        var jitAtStart = (Methods: 0L, Time: TimeSpan.Zero);
        Task Ready()
        {
            if (Interlocked.Decrement(ref waiting) == 0)
            {
                cpuAtStart = ProcessCpu();
                jitAtStart = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
                clock.Start();
                go.SetResult();
            }
            return go.Task;
        }
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var readied = false;
            try { await worker(stats, turns, () => { readied = true; return Ready(); }, cancel.Token); }
            catch (Exception)
            {
                stats.Error();
                if (!readied) await Ready();
            }
        })));
        stats.Elapsed = clock.Elapsed;
        stats.Cpu = ProcessCpu() - cpuAtStart;
        stats.JitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitAtStart.Methods;
        // The phase's window on the monotonic clock (Stopwatch's on Linux), for `perf record -k CLOCK_MONOTONIC` and `perf script --time`.
        var end = Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"phase '{stats.Name}': monotonic {end - stats.Elapsed.TotalSeconds:0.000000},{end:0.000000}, " +
            $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount() - jitAtStart.Methods} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitAtStart.Time).TotalMilliseconds:0} ms"));
        return stats;
    }

    /// <summary>CPU time of this process (the clients and the server in it; not a PostgreSQL server's own processes).</summary>
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Runs warm-up rounds until the JIT is quiet: a round, then a quiet second, that compiled fewer than 20 methods.
    /// Tiered compilation promotes hot methods in steps (quick code, instrumented code, optimized code) and only while
    /// they run, so one round is not enough: profiles of a phase after a single round showed the JIT's background
    /// thread using a quarter of the CPU. Both sides (the bare endpoint and each host) are warmed this way.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task> round)
    {
        const int MaxRounds = 12;
        for (var i = 1; i <= MaxRounds; i++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await round();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            Console.Error.WriteLine($"warm-up round {i}: {compiled} methods compiled");
            if (compiled < 20) return;
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Uri host)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            using var ready = await http.GetAsync(new Uri(host, "/readyz"));
            if (ready.IsSuccessStatusCode) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("the host did not become ready within 3 minutes");
    }

    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{DirectLineBenchHost.FreePort()}");
        var app = builder.Build();
        app.MapPost("/noop", () => Results.Ok());
        await app.StartAsync();
        return app;
    }

    private static async Task BareAsync(HttpClient http, Uri url, DeliveryStats stats, int turns, Func<Task> ready, CancellationToken cancel)
    {
        await ready();
        for (var i = 0; i < turns; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync(url, JsonContent.Create(new { type = "message", text = "你好" }), cancel);
            response.EnsureSuccessStatusCode();
            stats.Turn(clock.Elapsed);
        }
    }

    /// <summary>One citizen: token from the page endpoint, start, then T turns; WebSocket when <paramref name="pollMs"/> is null.</summary>
    private static async Task ConversationAsync(HttpClient http, Uri host, int? pollMs, DeliveryStats stats, int turns, Func<Task> ready,
        CancellationToken cancel)
    {
        var page = await (await http.PostAsync(new Uri(host, "/api/directline/token"), null, cancel)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>(cancel);
        var token = page.GetProperty("token").GetString()!;
        var conversationId = page.GetProperty("conversationId").GetString()!;
        using var start = Request(HttpMethod.Post, new Uri(host, "/v3/directline/conversations"), token);
        var started = await (await http.SendAsync(start, cancel)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancel);

        var seen = new Dictionary<string, int>();
        var watermark = "";
        var activitiesUrl = new Uri(host, $"/v3/directline/conversations/{conversationId}/activities");
        using var socket = pollMs is null ? new ClientWebSocket() : null;
        var frames = socket is null ? null : new FrameReader(socket);
        if (socket is not null) await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), cancel);
        await ready();

        for (var i = 0; i < turns; i++)
        {
            var clock = Stopwatch.StartNew();
            using var post = Request(HttpMethod.Post, activitiesUrl, token, new { type = "message", from = new { id = "bench" }, text = $"第{i}句" });
            string id;
            using (var response = await http.SendAsync(post, cancel))
                id = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetString()!;
            var replied = false;
            while (!replied)
            {
                using var set = frames is not null
                    ? await frames.ReceiveAsync(cancel)
                    : await PollAsync(http, new Uri($"{activitiesUrl}?watermark={watermark}"), token, cancel);
                if (set is null) continue; // keep-alive
                watermark = set.RootElement.GetProperty("watermark").GetString()!;
                foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray())
                {
                    var activityId = activity.GetProperty("id").GetString()!;
                    seen[activityId] = seen.GetValueOrDefault(activityId) + 1;
                    if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.ValueEquals(id)) replied = true;
                }
                if (!replied && pollMs is { } ms) await Task.Delay(ms, cancel);
            }
            stats.Turn(clock.Elapsed);
        }
        stats.Duplicated(seen.Values.Sum(n => n - 1));
        stats.Lost(2 * turns - seen.Count);
        if (socket is not null) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel);
    }

    private static async Task<JsonDocument> PollAsync(HttpClient http, Uri url, string token, CancellationToken cancel)
    {
        using var get = Request(HttpMethod.Get, url, token);
        using var response = await http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead, cancel);
        await using var body = await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync(cancel);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancel);
    }

    /// <summary>Reads whole WebSocket messages into one reused buffer and parses them in place; null for a keep-alive.</summary>
    private sealed class FrameReader(WebSocket socket)
    {
        private byte[] _buffer = new byte[16 * 1024];

        public async Task<JsonDocument?> ReceiveAsync(CancellationToken cancel)
        {
            var length = 0;
            while (true)
            {
                if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                var frame = await socket.ReceiveAsync(_buffer.AsMemory(length), cancel);
                if (frame.MessageType == WebSocketMessageType.Close) throw new WebSocketException("closed by the server");
                length += frame.Count;
                if (frame.EndOfMessage) break;
            }
            return length == 0 ? null : JsonDocument.Parse(_buffer.AsMemory(0, length));
        }
    }

    internal static HttpRequestMessage Request(HttpMethod method, Uri url, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return request;
    }

    internal static async Task<string> ReceiveAsync(WebSocket socket, CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, cancel);
            if (frame.MessageType == WebSocketMessageType.Close) throw new WebSocketException("closed by the server");
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
