using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Bot.Bench;

/// <summary>
/// A console's side of <c>/hubs/staff</c>, spoken directly: negotiate with the staff cookie, open the WebSocket,
/// JSON-protocol handshake, then invocation records (separated by 0x1E). The .NET SignalR client package does not
/// restore from this machine's registry copy; this is the same wire protocol the browser client speaks.
/// </summary>
internal sealed class HubReader : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly Queue<JsonElement> _pending = new();
    private Task _pings = Task.CompletedTask;

    private HubReader() { }

    public static async Task<HubReader> ConnectAsync(HttpClient http, Uri host, CookieContainer cookies, CancellationToken cancel)
    {
        var negotiate = await (await http.PostAsync(new Uri(host, "/hubs/staff/negotiate?negotiateVersion=1"), null, cancel)).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>(cancel);
        var token = negotiate.GetProperty("connectionToken").GetString()!;
        var reader = new HubReader();
        reader._socket.Options.Cookies = cookies;
        await reader._socket.ConnectAsync(new Uri($"ws://{host.Authority}/hubs/staff?id={Uri.EscapeDataString(token)}"), cancel);
        await reader._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + Separator), WebSocketMessageType.Text, true, cancel);
        var handshake = await reader.ReceiveRecordsAsync(cancel);
        if (handshake.Count == 0 || handshake[0] != "{}") throw new InvalidOperationException($"hub handshake refused: {string.Join(' ', handshake)}");
        foreach (var record in handshake.Skip(1)) reader.Keep(record);
        reader._pings = reader.PingAsync(cancel);
        return reader;
    }

    /// <summary>The next <c>Notice</c> the server pushed (pings and other records are skipped).</summary>
    public async Task<JsonElement> NextNoticeAsync(CancellationToken cancel)
    {
        while (_pending.Count == 0)
            foreach (var record in await ReceiveRecordsAsync(cancel)) Keep(record);
        return _pending.Dequeue();
    }

    /// <summary>The server drops a client it has not heard from for 30 s; a console that only listens must still ping.</summary>
    private async Task PingAsync(CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancel) && _socket.State == WebSocketState.Open)
                await _socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":6}" + Separator), WebSocketMessageType.Text, true, cancel);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }

    private void Keep(string record)
    {
        var message = JsonDocument.Parse(record).RootElement;
        if (message.GetProperty("type").GetInt32() == 1 && message.GetProperty("target").GetString() == "Notice")
            _pending.Enqueue(message.GetProperty("arguments")[0].Clone());
    }

    private async Task<List<string>> ReceiveRecordsAsync(CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await _socket.ReceiveAsync(buffer, cancel);
            if (frame.MessageType == WebSocketMessageType.Close) throw new WebSocketException("hub closed by the server");
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray()).Split(Separator, StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        _socket.Dispose();
    }
}
