using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Tokens;

/// <summary>The channel secret in force: the configured one, or a random one for this process when none is configured.</summary>
public sealed class ChannelSecret
{
    public ChannelSecret(IOptions<DirectLineOptions> options, ILogger<ChannelSecret> logger)
    {
        if (string.IsNullOrEmpty(options.Value.Secret))
        {
            Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            IsEphemeral = true;
            logger.DirectLineSecretMissing();
        }
        else
        {
            Value = options.Value.Secret;
        }
        _bytes = Encoding.UTF8.GetBytes(Value);
    }

    private readonly byte[] _bytes;

    public string Value { get; }

    /// <summary>True when no secret was configured: tokens do not survive a restart and another host rejects them.</summary>
    public bool IsEphemeral { get; }

    /// <summary>Compares in constant time so that response timing does not reveal the secret (only its length, as any comparison does).</summary>
    public bool Matches(string candidate)
    {
        // Every Direct Line request asks, so no arrays: a candidate of another length is not the secret.
        if (Encoding.UTF8.GetByteCount(candidate) != _bytes.Length) return false;
        Span<byte> bytes = _bytes.Length <= 256 ? stackalloc byte[_bytes.Length] : new byte[_bytes.Length];
        Encoding.UTF8.GetBytes(candidate, bytes);
        return CryptographicOperations.FixedTimeEquals(bytes, _bytes);
    }
}
