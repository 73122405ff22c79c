using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Tokens;

/// <summary>
/// Signs and verifies Direct Line tokens. The format is a compact JWS with HS256 (<c>header.claims.signature</c>,
/// base64url) so that directlinejs, which decodes the token to find an embedded user id, reads it as it reads the
/// service's own tokens. The signing key is derived from the channel secret (HKDF-SHA256), never the secret itself.
/// </summary>
public sealed class TokenCodec
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("govdoorplate/directline/token-signing/v1");
    private readonly byte[] _key;
    private readonly string _encodedHeader = Base64Url.EncodeToString(Header);

    public TokenCodec(ChannelSecret secret) =>
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret.Value), 32, salt: [], info: KeyInfo);

    public string Encode(ConversationToken token)
    {
        var claims = new Claims
        {
            Conversation = token.ConversationId,
            User = token.UserId,
            Purpose = token.Purpose == TokenPurpose.Stream ? "stream" : "conversation",
            IssuedAt = token.IssuedAt.ToUnixTimeSeconds(),
            ExpiresAt = token.ExpiresAt.ToUnixTimeSeconds(),
        };
        var signedPart = _encodedHeader + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.Claims));
        return signedPart + "." + Base64Url.EncodeToString(Sign(signedPart));
    }

    /// <summary>Reads a token whose signature is valid; expiry is the caller's to judge (it holds the clock).</summary>
    public ConversationToken? Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != _encodedHeader) return null;
        byte[] signature;
        try { signature = Base64Url.DecodeFromChars(parts[2]); }
        catch (FormatException) { return null; }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1]))) return null;
        try
        {
            var claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), TokenJson.Default.Claims);
            if (claims?.Conversation is not { Length: > 0 } conversation) return null;
            return new ConversationToken(conversation, claims.User,
                claims.Purpose == "stream" ? TokenPurpose.Stream : TokenPurpose.Conversation,
                DateTimeOffset.FromUnixTimeSeconds(claims.IssuedAt), DateTimeOffset.FromUnixTimeSeconds(claims.ExpiresAt));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private byte[] Sign(string signedPart) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signedPart));

    internal sealed class Claims
    {
        [JsonPropertyName("conv")] public string? Conversation { get; init; }
        /// <summary>The user id as a plain string: directlinejs and Web Chat read this claim as the user id.</summary>
        [JsonPropertyName("user")] public string? User { get; init; }
        [JsonPropertyName("purpose")] public string? Purpose { get; init; }
        [JsonPropertyName("iat")] public long IssuedAt { get; init; }
        [JsonPropertyName("exp")] public long ExpiresAt { get; init; }
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenCodec.Claims))]
internal sealed partial class TokenJson : JsonSerializerContext;
