using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Tokens;

/// <summary>Issues conversation and stream tokens on the injected clock.</summary>
public sealed class TokenIssuer(TokenCodec codec, TimeProvider time, IOptions<DirectLineOptions> options)
{
    /// <summary>Tokens whose signature was checked, by their exact text: a client sends the same token with every request.</summary>
    private readonly ConcurrentDictionary<string, ConversationToken> _verified = new(StringComparer.Ordinal);
    private int _verifiedCount;
    private const int MaxVerified = 50_000;

    public TimeSpan TokenLifetime => TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);

    public string IssueConversationToken(string conversationId, string? userId) => Issue(conversationId, userId, TokenPurpose.Conversation, TokenLifetime);

    public string IssueStreamToken(string conversationId, string? userId) =>
        Issue(conversationId, userId, TokenPurpose.Stream, TimeSpan.FromSeconds(options.Value.StreamUrlLifetimeSeconds));

    /// <summary>The token's claims when its signature holds and it has not expired; otherwise null.</summary>
    public ConversationToken? Validate(string token)
    {
        if (!_verified.TryGetValue(token, out var claims))
        {
            claims = codec.Decode(token);
            if (claims is null) return null;
            if (Interlocked.Increment(ref _verifiedCount) > MaxVerified)
            {
                _verified.Clear();
                Interlocked.Exchange(ref _verifiedCount, 0);
            }
            _verified.TryAdd(token, claims);
        }
        return claims.ExpiresAt > time.GetUtcNow() ? claims : null;
    }

    public int SecondsLeft(ConversationToken token) => (int)Math.Max(0, (token.ExpiresAt - time.GetUtcNow()).TotalSeconds);

    private string Issue(string conversationId, string? userId, TokenPurpose purpose, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        return codec.Encode(new ConversationToken(conversationId, userId, purpose, now, now + lifetime));
    }
}
