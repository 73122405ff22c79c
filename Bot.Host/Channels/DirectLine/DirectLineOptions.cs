using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Settings of section <c>DirectLine</c>: the channel secret, token lifetimes and abuse limits.</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The channel secret (environment variable <c>DirectLine__Secret</c>). Server-to-server clients send it as a bearer
    /// credential; tokens are signed with a key derived from it, so every host of one deployment needs the same value.
    /// Empty: a random per-process secret is used and a warning logged (fine for <c>dotnet run</c>, not for several hosts).
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid; clients refresh it before then (directlinejs does every 15 minutes).</summary>
    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>How long a <c>streamUrl</c> may wait before its WebSocket is opened.</summary>
    [Range(10, 3600)]
    public int StreamUrlLifetimeSeconds { get; set; } = 60;

    /// <summary>Largest activity body accepted by <c>POST …/activities</c>, in bytes (413 above it).</summary>
    [Range(1024, 1_048_576)]
    public int MaxActivityBytes { get; set; } = 32_768;

    /// <summary>Longest message text accepted, in characters (400 naming <c>text</c> above it).</summary>
    [Range(1, 100_000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>Largest upload (all files of one <c>POST …/upload</c>), in bytes.</summary>
    [Range(1024, 104_857_600)]
    public int MaxUploadBytes { get; set; } = 4_194_304;

    /// <summary>Activities one conversation may post per minute.</summary>
    [Range(1, 100_000)]
    public int ActivitiesPerConversationPerMinute { get; set; } = 60;

    /// <summary>Direct Line and token requests one client address may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerAddressPerMinute { get; set; } = 600;

    /// <summary>Conversations one client address may start per minute.</summary>
    [Range(1, 100_000)]
    public int ConversationsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Seconds between the empty keep-alive frames a WebSocket stream sends when it has nothing to say.</summary>
    [Range(1, 600)]
    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>
    /// How long an open stream waits, with nothing pushed by this host's transcript writer, before it reads the store,
    /// in milliseconds. This is how a stream on one host sees activities appended by another host (e.g. a specialist's
    /// reply) behind a load balancer; a gap in the pushed sequence also makes it read at once.
    /// </summary>
    [Range(50, 60_000)]
    public int StorePollMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How long a turn waits for the turn handler before it stores the citizen's activity on its own, in milliseconds.
    /// A handler that answers within it has its replies committed together with the citizen's activity (one append
    /// instead of two); a slower one's turn stores the activity first so that the citizen sees it while the bot works.
    /// 0: only a handler that has already answered when it returns is coalesced.
    /// </summary>
    [Range(0, 1000)]
    public int TurnCoalesceMilliseconds { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Secret) && Secret.Length < 32)
            yield return new ValidationResult("DirectLine:Secret must be at least 32 characters long.", [nameof(Secret)]);
    }
}
