using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Tokens;

/// <summary>Issues conversation and stream tokens on the injected clock.</summary>
public sealed class TokenIssuer(TokenCodec codec, TimeProvider time, IOptions<DirectLineOptions> options)
{
    public TimeSpan TokenLifetime => TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);

    public string IssueConversationToken(string conversationId, string? userId) => Issue(conversationId, userId, TokenPurpose.Conversation, TokenLifetime);

    public string IssueStreamToken(string conversationId, string? userId) =>
        Issue(conversationId, userId, TokenPurpose.Stream, TimeSpan.FromSeconds(options.Value.StreamUrlLifetimeSeconds));

    /// <summary>The token's claims when its signature holds and it has not expired; otherwise null.</summary>
    public ConversationToken? Validate(string token)
    {
        var claims = codec.Decode(token);
        return claims is not null && claims.ExpiresAt > time.GetUtcNow() ? claims : null;
    }

    public int SecondsLeft(ConversationToken token) => (int)Math.Max(0, (token.ExpiresAt - time.GetUtcNow()).TotalSeconds);

    private string Issue(string conversationId, string? userId, TokenPurpose purpose, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        return codec.Encode(new ConversationToken(conversationId, userId, purpose, now, now + lifetime));
    }
}
