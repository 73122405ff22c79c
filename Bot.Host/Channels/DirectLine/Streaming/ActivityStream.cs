using System.Buffers;
using System.Net.WebSockets;
using Bot.Host.Channels.DirectLine.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Streaming;

/// <summary>
/// Serves one WebSocket of a conversation: pushes every activity after the watermark as an ActivitySet, then new ones
/// as they are appended, and an empty text frame as keep-alive when there is nothing to say, as the Direct Line
/// service does. Appends made on this host arrive with their signal and are sent without reading the store; the store
/// is read at the start, when the signalled sequence shows a gap (another host appended), and when nothing was heard
/// for <see cref="DirectLineOptions.StorePollMilliseconds"/>. Client frames (directlinejs pings with empty messages)
/// are read and ignored.
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
        var frame = new ArrayBufferWriter<byte>(4096);
        var lastSent = time.GetUtcNow();
        var lastHeard = DateTimeOffset.MinValue;
        var readStore = true;
        Task? signalled = null, timer = null;
        long sent = 0;
        try
        {
            while (!closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var pushed = new List<StoredActivity>();
                while (subscription.TryTake(out var appended))
                {
                    foreach (var activity in appended)
                    {
                        if (activity.Sequence <= watermark + pushed.Count) continue;
                        if (activity.Sequence == watermark + pushed.Count + 1) pushed.Add(activity);
                        else readStore = true;
                    }
                }
                if (time.GetUtcNow() - lastHeard >= poll) readStore = true;
                var batch = pushed;
                if (readStore)
                {
                    // The store has everything the signals had, and what other hosts appended.
                    batch = [.. await ReadAsync(conversationId, watermark, closing.Token)];
                    readStore = batch.Count == BatchSize;
                    lastHeard = time.GetUtcNow();
                }
                else if (pushed.Count > 0) lastHeard = time.GetUtcNow();
                if (batch.Count > 0)
                {
                    watermark = batch[^1].Sequence;
                    await SendAsync(socket, frame, batch, watermark, closing.Token);
                    sent += batch.Count;
                    lastSent = time.GetUtcNow();
                    if (readStore) continue;
                }
                else if (time.GetUtcNow() - lastSent >= keepAlive)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
                    lastSent = time.GetUtcNow();
                }
                var untilKeepAlive = keepAlive - (time.GetUtcNow() - lastSent);
                var wait = untilKeepAlive < poll ? untilKeepAlive : poll;
                if (wait <= TimeSpan.Zero) continue;
                // Both waits outlive a loop that something else woke; a pending timer may wake the loop early, never late.
                signalled ??= subscription.WaitAsync(closing.Token);
                timer ??= Task.Delay(wait, time, closing.Token);
                await Task.WhenAny(signalled, timer, receiving);
                if (signalled.IsCompleted) signalled = null;
                if (timer.IsCompleted) timer = null;
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

    /// <summary>Writes the ActivitySet as UTF-8 into the stream's reusable buffer and sends it as one text message.</summary>
    private static Task SendAsync(WebSocket socket, ArrayBufferWriter<byte> frame, IReadOnlyList<StoredActivity> activities, long watermark,
        CancellationToken cancellationToken)
    {
        frame.ResetWrittenCount();
        ActivityJson.WriteActivitySet(frame, activities, watermark);
        return socket.SendAsync(frame.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();
    }

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
