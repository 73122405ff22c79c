using System.Security.Cryptography;
using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Channels.DirectLine.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Start a conversation, reconnect to it (new <c>streamUrl</c>), and the token operations.</summary>
internal static class ConversationEndpoints
{
    public static async Task<Results<Created<DirectLineConversation>, Ok<DirectLineConversation>, ProblemHttpResult>> Start(
        DirectLineCaller caller, [FromBody] TokenParameters? parameters, HttpRequest request,
        DirectLineStore store, TokenIssuer tokens, ILogger<DirectLineStore> logger, CancellationToken cancellationToken)
    {
        // With the secret a new conversation is started; a token opens the conversation it was generated for.
        var conversationId = caller.Token?.ConversationId ?? NewConversationId();
        var userId = caller.BoundUserId ?? UserIdFrom(parameters);
        if (userId is not null && userId.Length > 128) return DirectLineProblems.BadArgument("user.id", "user.id is longer than 128 characters.");
        var created = await store.EnsureConversationAsync(conversationId, userId, cancellationToken);
        if (created) logger.ConversationStarted(conversationId);
        var token = caller.Token is not null ? caller.Credential! : tokens.IssueConversationToken(conversationId, caller.BoundUserId ?? userId);
        var body = new DirectLineConversation(conversationId, token, ExpiresIn(caller, tokens),
            StreamUrls.For(request, conversationId, tokens.IssueStreamToken(conversationId, userId), watermark: null));
        return created ? TypedResults.Created($"{request.PathBase}/v3/directline/conversations/{conversationId}", body) : TypedResults.Ok(body);
    }

    public static async Task<Results<Ok<DirectLineConversation>, ProblemHttpResult>> Reconnect(
        string conversationId, string? watermark, DirectLineCaller caller, HttpRequest request,
        DirectLineStore store, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        if (!Watermarks.TryParse(watermark, out var after)) return Watermarks.Invalid();
        var conversation = await store.FindConversationAsync(conversationId, cancellationToken);
        if (conversation is null) return DirectLineProblems.ConversationNotFound(conversationId);
        var token = caller.Token is not null ? caller.Credential! : tokens.IssueConversationToken(conversationId, conversation.UserId);
        return TypedResults.Ok(new DirectLineConversation(conversationId, token, ExpiresIn(caller, tokens),
            StreamUrls.For(request, conversationId, tokens.IssueStreamToken(conversationId, conversation.UserId), after)));
    }

    /// <summary>POST /tokens/generate: the secret buys a token bound to one new conversation (and user, when given).</summary>
    public static async Task<Results<Ok<DirectLineConversation>, ProblemHttpResult>> GenerateToken(
        DirectLineCaller caller, [FromBody] TokenParameters? parameters, DirectLineStore store, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        if (!caller.HoldsSecret) return DirectLineProblems.SecretRequired();
        var userId = UserIdFrom(parameters);
        if (userId is not null && userId.Length > 128) return DirectLineProblems.BadArgument("user.id", "user.id is longer than 128 characters.");
        var conversationId = NewConversationId();
        await store.EnsureConversationAsync(conversationId, userId, cancellationToken);
        return TypedResults.Ok(new DirectLineConversation(conversationId, tokens.IssueConversationToken(conversationId, userId),
            (int)tokens.TokenLifetime.TotalSeconds));
    }

    /// <summary>POST /tokens/refresh: a still-valid token buys a fresh one for the same conversation and user.</summary>
    public static Results<Ok<DirectLineConversation>, ProblemHttpResult> RefreshToken(DirectLineCaller caller, TokenIssuer tokens)
    {
        if (caller.Token is not { } token) return DirectLineProblems.TokenRequired();
        return TypedResults.Ok(new DirectLineConversation(token.ConversationId, tokens.IssueConversationToken(token.ConversationId, token.UserId),
            (int)tokens.TokenLifetime.TotalSeconds));
    }

    /// <summary>22 url-safe characters from 128 random bits, like the service's conversation ids.</summary>
    public static string NewConversationId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', 'x').Replace('/', 'z');

    private static string? UserIdFrom(TokenParameters? parameters) =>
        string.IsNullOrWhiteSpace(parameters?.User?.Id) ? null : parameters.User.Id;

    private static int ExpiresIn(DirectLineCaller caller, TokenIssuer tokens) =>
        caller.Token is { } token ? tokens.SecondsLeft(token) : (int)tokens.TokenLifetime.TotalSeconds;
}
