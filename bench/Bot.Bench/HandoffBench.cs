using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Bot.Bench;

/// <summary>
/// Live-handoff relay latency on the real host (real conversation engine, SQLite, Kestrel on loopback): a citizen on
/// Direct Line (WebSocket stream) asks for a human, a specialist signed in with the staff cookie accepts and listens
/// on <c>/hubs/staff</c>. Then, one round at a time: citizen → console (POST the activity until the hub pushes the
/// citizen message) and console → citizen (POST the handoff message until the citizen's stream delivers it).
/// <c>handoff --rounds 500</c>.
/// </summary>
internal static class HandoffBench
{
    private const string Password = "Doorplate-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var i = Array.IndexOf(args, "--rounds");
        var rounds = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var sqlite = Path.Combine(Path.GetTempPath(), $"govdoorplate-bench-{Guid.NewGuid():N}.db");
        try
        {
            var store = new Dictionary<string, string?> { ["Store:Provider"] = "Sqlite", ["Store:SqlitePath"] = sqlite };
            await using var host = new DirectLineBenchHost(store, echoHandler: false, new Dictionary<string, string?>
            {
                ["Staff:DevelopmentAccounts"] = "true",
                // The citizen's flood guard (20 turns a minute) would answer "您发得有点快" instead of relaying: lift it to its maximum for the run (keep rounds + 20 under 1000 a minute).
                ["Conversations:TurnsPerMinute"] = "1000",
            },
                OfficeHours()).Start();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            using var citizenHttp = new HttpClient();
            var cookies = new CookieContainer();
            using var staffHttp = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies });
            (await staffHttp.PostAsJsonAsync(new Uri(host.Address, "/api/staff/login"), new { userName = "specialist", password = Password }, cancel.Token))
                .EnsureSuccessStatusCode();
            await using var console = await HubReader.ConnectAsync(staffHttp, host.Address, cookies, cancel.Token);

            var citizen = await Citizen.StartAsync(citizenHttp, host.Address, cancel.Token);
            await citizen.SayAsync("转人工", cancel.Token);
            await citizen.WaitForAsync(text => text.Contains("正在为您转接", StringComparison.Ordinal), cancel.Token);
            var queue = await staffHttp.GetFromJsonAsync<JsonElement>(new Uri(host.Address, "/api/staff/handoffs"), cancel.Token);
            var handoffId = queue.EnumerateArray().Single(h => h.GetProperty("conversationId").GetString() == citizen.ConversationId).GetProperty("id").GetString();
            (await staffHttp.PostAsync(new Uri(host.Address, $"/api/staff/handoffs/{handoffId}/accept"), null, cancel.Token)).EnsureSuccessStatusCode();
            await citizen.WaitForAsync(text => text.Contains("为您服务", StringComparison.Ordinal), cancel.Token);

            var inbound = new List<double>();
            var outbound = new List<double>();
            const int warmUp = 20;
            for (var round = 0; round < warmUp + rounds; round++)
            {
                var asked = $"市民第{round}句";
                var clock = Stopwatch.StartNew();
                await citizen.SayAsync(asked, cancel.Token);
                while (true)
                {
                    var notice = await console.NextNoticeAsync(cancel.Token);
                    if (notice.GetProperty("kind").GetString() == "citizenMessage" && notice.GetProperty("summary").GetString() == asked) break;
                }
                if (round >= warmUp) inbound.Add(clock.Elapsed.TotalMilliseconds);

                var answered = $"专员第{round}句";
                clock.Restart();
                (await staffHttp.PostAsJsonAsync(new Uri(host.Address, $"/api/staff/handoffs/{handoffId}/messages"), new { text = answered }, cancel.Token))
                    .EnsureSuccessStatusCode();
                await citizen.WaitForAsync(text => text == answered, cancel.Token);
                if (round >= warmUp) outbound.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"live handoff relay, {rounds} rounds after {warmUp} warm-up, one citizen and one specialist, loopback, " +
                $"{Environment.ProcessorCount} cores, SQLite store, turn handler: {host.Handler}");
            Console.WriteLine($"citizen -> console (Direct Line POST -> turn -> hub push):   {new Stats(inbound).Describe()}");
            Console.WriteLine($"console -> citizen (staff POST -> Direct Line stream):       {new Stats(outbound).Describe()}");
            var both = inbound.Zip(outbound, (a, b) => a + b);
            Console.WriteLine($"round trip (one message each way):                          {new Stats(both).Describe()}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(sqlite + suffix);
        }
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
