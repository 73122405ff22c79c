using Bot.Handoff.Handoffs;

namespace Bot.Host.Conversations.State;

/// <summary>
/// Everything the assistant remembers about one conversation between turns. Persisted as JSON once per
/// turn, so a restart or another host continues exactly where the citizen was.
/// </summary>
public sealed class ConversationState
{
    /// <summary>The item or bundle being discussed (catalogue id).</summary>
    public string? Subject { get; set; }

    /// <summary>Situation answers, "ITEM/question" → option id.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>The keys of <see cref="Answers"/> in the order given, for "上一步".</summary>
    public List<string> AnswerOrder { get; set; } = [];

    /// <summary>The question just asked ("ITEM/question"), awaiting an answer.</summary>
    public string? PendingQuestion { get; set; }

    /// <summary>The candidates offered by the last "您是想办A还是B？".</summary>
    public List<string> Candidates { get; set; } = [];

    /// <summary>The missed-query record of the last none or clarify, resolved when the citizen picks a candidate.</summary>
    public string? MissedQueryId { get; set; }

    /// <summary>Consecutive turns the assistant could not place.</summary>
    public int Misses { get; set; }

    public string? Township { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Tickets opened from this conversation, for "我的工单".</summary>
    public List<string> Tickets { get; set; } = [];

    /// <summary>The next message is the citizen's description of an error (找茬).</summary>
    public bool AwaitingErrorReport { get; set; }

    /// <summary>What the assistant said last (kind and subject), so an error report records the answer shown.</summary>
    public string? LastAnswer { get; set; }

    /// <summary>Turn timestamps of the last minute, for the per-conversation rate limit.</summary>
    public List<DateTimeOffset> RecentTurns { get; set; } = [];

    public string? LastText { get; set; }

    /// <summary>The latest turns, masked before they are kept, for a human who takes over.</summary>
    public List<TranscriptLine> Transcript { get; set; } = [];
}
