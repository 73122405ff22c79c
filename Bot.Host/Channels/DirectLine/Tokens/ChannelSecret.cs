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
    }

    public string Value { get; }

    /// <summary>True when no secret was configured: tokens do not survive a restart and another host rejects them.</summary>
    public bool IsEphemeral { get; }

    /// <summary>Compares in constant time so that response timing does not reveal the secret.</summary>
    public bool Matches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));
}
