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
        try
        {
            await using var bare = await StartBareAsync();
            await using var host = new DirectLineBenchHost(sqlite).Start();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(60),
            };
            var bareUrl = new Uri(bare.Urls.First() + "/noop");

            // Warm both servers (JIT, connection pools, SQLite file) so that the first phase is not penalised.
            await Phase(new DeliveryStats("warm-up"), 20, 3, settings.PhaseTimeout, (s, t, c) => BareAsync(http, bareUrl, s, t, c));
            await Phase(new DeliveryStats("warm-up"), 20, 3, settings.PhaseTimeout, (s, t, c) => ConversationAsync(http, host.Address, null, s, t, c));

            var results = new List<DeliveryStats>
            {
                await Phase(new DeliveryStats("bare ASP.NET endpoint (POST, does nothing)"), settings.Conversations, settings.Turns, settings.PhaseTimeout,
                    (s, t, c) => BareAsync(http, bareUrl, s, t, c)),
                await Phase(new DeliveryStats("Direct Line, WebSocket"), settings.Conversations, settings.Turns, settings.PhaseTimeout,
                    (s, t, c) => ConversationAsync(http, host.Address, null, s, t, c)),
                await Phase(new DeliveryStats($"Direct Line, polling every {settings.PollMilliseconds} ms"), settings.Conversations, settings.Turns, settings.PhaseTimeout,
                    (s, t, c) => ConversationAsync(http, host.Address, settings.PollMilliseconds, s, t, c)),
            };

            Console.WriteLine($"{settings.Conversations} concurrent conversations x {settings.Turns} turns, loopback, {Environment.ProcessorCount} cores, SQLite store");
            Console.WriteLine($"turn handler: {host.Handler}");
            Console.WriteLine();
            Console.WriteLine(DeliveryStats.Header);
            foreach (var stats in results) Console.WriteLine(stats.Row());
            Console.WriteLine();
            Console.WriteLine(System.FormattableString.Invariant(
                $"WebSocket turn throughput = {results[1].Throughput / results[0].Throughput:P0} of the bare endpoint; polling = {results[2].Throughput / results[0].Throughput:P0}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlite + suffix);
        }
    }

    private static async Task<DeliveryStats> Phase(DeliveryStats stats, int workers, int turns, TimeSpan timeout,
        Func<DeliveryStats, int, CancellationToken, Task> worker)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            try { await worker(stats, turns, cancel.Token); }
            catch (Exception) { stats.Error(); }
        })));
        stats.Elapsed = clock.Elapsed;
        return stats;
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

    private static async Task BareAsync(HttpClient http, Uri url, DeliveryStats stats, int turns, CancellationToken cancel)
    {
        for (var i = 0; i < turns; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync(url, JsonContent.Create(new { type = "message", text = "你好" }), cancel);
            response.EnsureSuccessStatusCode();
            stats.Turn(clock.Elapsed);
        }
    }

    /// <summary>One citizen: token from the page endpoint, start, then T turns; WebSocket when <paramref name="pollMs"/> is null.</summary>
    private static async Task ConversationAsync(HttpClient http, Uri host, int? pollMs, DeliveryStats stats, int turns, CancellationToken cancel)
    {
        var page = await (await http.PostAsync(new Uri(host, "/api/directline/token"), null, cancel)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>(cancel);
        var token = page.GetProperty("token").GetString()!;
        var conversationId = page.GetProperty("conversationId").GetString()!;
        using var start = Request(HttpMethod.Post, new Uri(host, "/v3/directline/conversations"), token);
        var started = await (await http.SendAsync(start, cancel)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancel);

        var seen = new Dictionary<string, int>();
        var watermark = "";
        using var socket = pollMs is null ? new ClientWebSocket() : null;
        if (socket is not null) await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), cancel);

        for (var i = 0; i < turns; i++)
        {
            var clock = Stopwatch.StartNew();
            using var post = Request(HttpMethod.Post, new Uri(host, $"/v3/directline/conversations/{conversationId}/activities"), token,
                new { type = "message", from = new { id = "bench" }, text = $"第{i}句" });
            var posted = await (await http.SendAsync(post, cancel)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancel);
            var id = posted.GetProperty("id").GetString()!;
            var replied = false;
            while (!replied)
            {
                JsonElement set;
                if (socket is not null)
                {
                    var text = await ReceiveAsync(socket, cancel);
                    if (text.Length == 0) continue;
                    set = JsonDocument.Parse(text).RootElement;
                }
                else
                {
                    using var get = Request(HttpMethod.Get, new Uri(host, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}"), token);
                    set = await (await http.SendAsync(get, cancel)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancel);
                }
                watermark = set.GetProperty("watermark").GetString()!;
                foreach (var activity in set.GetProperty("activities").EnumerateArray())
                {
                    var activityId = activity.GetProperty("id").GetString()!;
                    seen[activityId] = seen.GetValueOrDefault(activityId) + 1;
                    if (activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id) replied = true;
                }
                if (!replied && pollMs is { } ms) await Task.Delay(ms, cancel);
            }
            stats.Turn(clock.Elapsed);
        }
        stats.Duplicated(seen.Values.Sum(n => n - 1));
        stats.Lost(2 * turns - seen.Count);
        if (socket is not null) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel);
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
