using System.Net.WebSockets;
using System.Text;
using Bot.Host.Channels.DirectLine.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Streaming;

/// <summary>
/// Serves one WebSocket of a conversation: pushes every activity after the watermark as an ActivitySet, then new ones
/// as they are appended (in-process signal, or the store poll for appends made on other hosts), and an empty text
/// frame as keep-alive when there is nothing to say, as the Direct Line service does. Client frames (directlinejs
/// pings with empty messages) are read and ignored.
/// </summary>
internal sealed class ActivityStream(IServiceScopeFactory scopes, ConversationSignals signals, TimeProvider time,
    IOptions<DirectLineOptions> options, ILogger<ActivityStream> logger)
{
    private const int BatchSize = 100;

    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken aborted)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = DrainAsync(socket, closing);
        using var subscription = signals.Subscribe(conversationId);
        var keepAlive = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
        var poll = TimeSpan.FromMilliseconds(options.Value.StorePollMilliseconds);
        var lastSent = time.GetUtcNow();
        long sent = 0;
        try
        {
            while (!closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var changed = subscription.Changed;
                var batch = await ReadAsync(conversationId, watermark, closing.Token);
                if (batch.Count > 0)
                {
                    watermark = batch[^1].Sequence;
                    await SendAsync(socket, ActivityJson.ActivitySet(batch, watermark), closing.Token);
                    sent += batch.Count;
                    lastSent = time.GetUtcNow();
                    if (batch.Count == BatchSize) continue;
                }
                else if (time.GetUtcNow() - lastSent >= keepAlive)
                {
                    await SendAsync(socket, "", closing.Token);
                    lastSent = time.GetUtcNow();
                }
                var untilKeepAlive = keepAlive - (time.GetUtcNow() - lastSent);
                var wait = untilKeepAlive < poll ? untilKeepAlive : poll;
                if (wait > TimeSpan.Zero)
                    await Task.WhenAny(changed, Task.Delay(wait, time, closing.Token), receiving);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client went away; nothing to tell anyone.
        }
        finally
        {
            await closing.CancelAsync();
            await CloseAsync(socket);
            logger.StreamClosed(conversationId, sent);
        }
    }

    private async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectLineStore>().ReadAsync(conversationId, watermark, BatchSize, cancellationToken);
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads client frames until the client closes; then stops the stream.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closing.IsCancellationRequested)
            {
                var frame = await socket.ReceiveAsync(buffer, closing.Token);
                if (frame.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closing.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token); }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }
}
