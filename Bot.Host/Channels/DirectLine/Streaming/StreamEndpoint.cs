using Bot.Host.Channels.DirectLine.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Channels.DirectLine.Streaming;

/// <summary>GET …/conversations/{id}/stream?t=…&amp;watermark=…: the WebSocket behind a <c>streamUrl</c>.</summary>
internal static class StreamEndpoint
{
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Open(
        string conversationId, string? t, string? watermark, HttpContext context,
        TokenIssuer tokens, ActivityStream stream, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            return DirectLineProblems.BadArgument("upgrade", "The stream is a WebSocket; connect to the streamUrl with a WebSocket client.");
        if (string.IsNullOrEmpty(t)) return DirectLineProblems.MissingCredential();
        var token = tokens.Validate(t);
        if (token is not { Purpose: TokenPurpose.Stream }) return DirectLineProblems.InvalidCredential();
        if (!string.Equals(token.ConversationId, conversationId, StringComparison.Ordinal)) return DirectLineProblems.WrongConversation();
        if (!Watermarks.TryParse(watermark, out var after)) return Watermarks.Invalid();

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await stream.RunAsync(socket, conversationId, after, ended.Token);
        return TypedResults.Empty;
    }
}
