using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Conversations;

/// <summary>Settings of section <c>Conversations</c>.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>Longest message understood, in characters; longer ones get a friendly request to shorten.</summary>
    [Range(20, 10_000)]
    public int MaxMessageLength { get; set; } = 500;

    /// <summary>Messages per conversation per minute before the assistant asks the citizen to slow down.</summary>
    [Range(1, 1_000)]
    public int TurnsPerMinute { get; set; } = 20;

    /// <summary>Unplaced requests in a row after which the assistant offers a human on its own.</summary>
    [Range(1, 10)]
    public int MissesBeforeHandoff { get; set; } = 2;

    /// <summary>The county's time zone (IANA id), for "open now" and opening times.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Transcript lines kept for a human who takes over.</summary>
    [Range(5, 200)]
    public int TranscriptLines { get; set; } = 30;
}
