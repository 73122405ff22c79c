using System.Security.Cryptography;
using Bot.Host.Channels.DirectLine.Limits;
using Bot.Host.Channels.DirectLine.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Channels.DirectLine.Tokens;

/// <summary>
/// POST /api/directline/token: what the citizen page calls instead of ever seeing the secret. Starts a conversation
/// for a fresh anonymous user (<c>dl_…</c>, the prefix Direct Line reserves for ids embedded in a token) and returns a
/// short-lived token bound to that conversation and user.
/// </summary>
internal static class PageTokenEndpoint
{
    public static IEndpointRouteBuilder MapPageToken(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/directline/token", Issue)
            .WithName("IssueWebChatToken").WithTags("Direct Line")
            .WithSummary("Starts a conversation for the web page and returns its token")
            .WithDirectLineLimits(LimitKind.ConversationStart)
            .RequireCors(Embed.EmbedOptions.CorsPolicy);
        return routes;
    }

    public static async Task<Ok<PageToken>> Issue(DirectLineStore store, TokenIssuer tokens, CancellationToken cancellationToken)
    {
        var conversationId = ConversationEndpoints.NewConversationId();
        var userId = "dl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await store.EnsureConversationAsync(conversationId, userId, cancellationToken);
        return TypedResults.Ok(new PageToken(conversationId, tokens.IssueConversationToken(conversationId, userId),
            (int)tokens.TokenLifetime.TotalSeconds, userId));
    }
}

/// <summary>The web page's credentials: a token bound to one conversation and one anonymous user.</summary>
public sealed record PageToken(
    [property: System.Text.Json.Serialization.JsonPropertyName("conversationId")] string ConversationId,
    [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("userId")] string UserId);
