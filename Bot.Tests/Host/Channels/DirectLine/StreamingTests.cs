using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host.Channels.DirectLine;

[Collection(PostgresCollection.Name)]
public sealed class StreamingTests(PostgresCluster postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_stream_pushes_the_transcript_so_far_then_every_new_turn_with_its_watermark()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var rest = new DirectLineRest(host.CreateClient());
        var (conversationId, token, streamUrl) = await rest.StartAsync();
        await rest.SayAsync(conversationId, token, "第一句");

        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), default);
        var history = await ActivitiesAsync(socket, count: 2);
        await rest.SayAsync(conversationId, token, "第二句");
        var next = await ActivitiesAsync(socket, count: 2);

        Assert.Equal(["第一句", "你说：第一句"], history.Texts);
        Assert.Equal(["第二句", "你说：第二句"], next.Texts);
        Assert.Equal("4", next.Watermark);
    }

    [Fact]
    public async Task A_reconnected_stream_starts_after_the_watermark_and_sends_empty_keep_alive_frames()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings(), new() { ["DirectLine:KeepAliveSeconds"] = "1" }));
        var rest = new DirectLineRest(host.CreateClient());
        var (conversationId, token, _) = await rest.StartAsync();
        await rest.SayAsync(conversationId, token, "第一句");
        await rest.SayAsync(conversationId, token, "第二句");

        var reconnect = await rest.JsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=2", token);
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(reconnect.GetProperty("streamUrl").GetString()!), default);
        var after = await ActivitiesAsync(socket, count: 2);
        var keepAlive = await ReceiveAsync(socket);

        Assert.Equal(["第二句", "你说：第二句"], after.Texts);
        Assert.Equal("", keepAlive);
    }

    [Fact]
    public async Task A_stream_url_opens_only_its_own_conversation()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        var rest = new DirectLineRest(host.CreateClient());
        var a = await rest.StartAsync();
        var b = await rest.StartAsync();
        var wrong = new Uri(a.StreamUrl.Replace(a.ConversationId, b.ConversationId, StringComparison.Ordinal));
        var restToken = new Uri($"ws://localhost/v3/directline/conversations/{a.ConversationId}/stream?t={a.Token}");

        await Assert.ThrowsAnyAsync<Exception>(() => host.Server.CreateWebSocketClient().ConnectAsync(wrong, default));
        await Assert.ThrowsAnyAsync<Exception>(() => host.Server.CreateWebSocketClient().ConnectAsync(restToken, default));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_serve_one_conversation_so_a_load_balancer_may_send_a_client_anywhere()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var first = new ChannelHost(ChannelHost.Settings(database.HostSettings()));
        await using var second = new ChannelHost(ChannelHost.Settings(database.HostSettings(), new() { ["DirectLine:StorePollMilliseconds"] = "100" }));
        var restOnFirst = new DirectLineRest(first.CreateClient());
        var restOnSecond = new DirectLineRest(second.CreateClient());
        var (conversationId, token, _) = await restOnFirst.StartAsync();

        var streamFromSecond = await restOnSecond.JsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}", token);
        using var socket = await second.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamFromSecond.GetProperty("streamUrl").GetString()!), default);
        await restOnFirst.SayAsync(conversationId, token, "在第一台主机上说的话");
        var seenOnSecond = await ActivitiesAsync(socket, count: 2);

        Assert.Equal(["在第一台主机上说的话", "你说：在第一台主机上说的话"], seenOnSecond.Texts);
    }

    private sealed record Received(List<string?> Texts, string Watermark);

    /// <summary>Reads activity sets (skipping keep-alives) until <paramref name="count"/> activities have arrived.</summary>
    private static async Task<Received> ActivitiesAsync(WebSocket socket, int count)
    {
        var texts = new List<string?>();
        var watermark = "";
        while (texts.Count < count)
        {
            var message = await ReceiveAsync(socket);
            if (message.Length == 0) continue;
            var set = JsonDocument.Parse(message).RootElement;
            texts.AddRange(set.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
            watermark = set.GetProperty("watermark").GetString()!;
        }
        return new Received(texts, watermark);
    }

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
