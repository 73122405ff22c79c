using Bot.Host.Channels.DirectLine;
using Bot.Host.Channels.DirectLine.Tokens;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Host.Channels.DirectLine;

public sealed class TokenTests
{
    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (TokenIssuer Issuer, ManualTime Time) Issuer(string secret = ChannelHost.Secret)
    {
        var options = Options.Create(new DirectLineOptions { Secret = secret, TokenLifetimeSeconds = 1800 });
        var time = new ManualTime(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        return (new TokenIssuer(new TokenCodec(new ChannelSecret(options, NullLogger<ChannelSecret>.Instance)), time, options), time);
    }

    [Fact]
    public void A_token_names_its_conversation_and_user_until_it_expires()
    {
        var (issuer, time) = Issuer();
        var token = issuer.IssueConversationToken("conv-a", "dl_123");

        var claims = issuer.Validate(token);
        time.Now += TimeSpan.FromSeconds(1799);
        var stillValid = issuer.Validate(token);
        time.Now += TimeSpan.FromSeconds(1);

        Assert.Equal(("conv-a", "dl_123", TokenPurpose.Conversation), (claims!.ConversationId, claims.UserId, claims.Purpose));
        Assert.NotNull(stillValid);
        Assert.Null(issuer.Validate(token));
    }

    [Fact]
    public void A_token_signed_with_another_secret_or_altered_is_rejected()
    {
        var (issuer, _) = Issuer();
        var (other, _) = Issuer("another-secret-of-at-least-32-characters!!");
        var token = issuer.IssueConversationToken("conv-a", null);
        var parts = token.Split('.');
        var claimsForB = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes("""{"conv":"conv-b","purpose":"conversation","iat":0,"exp":9999999999}"""));

        Assert.Null(other.Validate(token));
        Assert.Null(issuer.Validate($"{parts[0]}.{claimsForB}.{parts[2]}"));
        Assert.Null(issuer.Validate("not-a-token"));
        Assert.Null(issuer.Validate(token + "x"));
    }

    [Fact]
    public void A_stream_token_is_short_lived_and_marked_for_streams_only()
    {
        var (issuer, time) = Issuer();
        var token = issuer.IssueStreamToken("conv-a", null);

        Assert.Equal(TokenPurpose.Stream, issuer.Validate(token)!.Purpose);
        time.Now += TimeSpan.FromSeconds(61);
        Assert.Null(issuer.Validate(token));
    }

    [Fact]
    public void A_secret_shorter_than_32_characters_is_a_configuration_error_naming_the_key()
    {
        var results = new DirectLineOptions { Secret = "short" }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();

        Assert.Contains(results, r => r.ErrorMessage!.Contains("DirectLine:Secret", StringComparison.Ordinal));
    }
}
