using Bot.Handoff.Staff;

namespace Bot.Handoff.Handoffs;

/// <summary>A live takeover of one conversation by a specialist. While it is queued or accepted the bot stays silent in that conversation.</summary>
public sealed class LiveHandoff
{
    private List<TranscriptLine> _transcript = [];
    private List<string> _candidateItemIds = [];
    private Dictionary<string, string> _situationAnswers = [];

    private LiveHandoff() { }

    public Guid Id { get; private set; }
    public string ConversationId { get; private set; } = "";
    public string ChannelId { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public IReadOnlyList<TranscriptLine> TranscriptExcerpt => _transcript;
    public IReadOnlyList<string> CandidateItemIds => _candidateItemIds;
    public IReadOnlyDictionary<string, string> SituationAnswers => _situationAnswers;
    public string? MaskedContact { get; private set; }
    public HandoffStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? SpecialistId { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The specialist's summary on completion, or why it failed.</summary>
    public string? Outcome { get; private set; }

    /// <summary>The ticket it was converted to, if any.</summary>
    public string? TicketNumber { get; private set; }

    public int Version { get; private set; }

    /// <summary>Whether a human holds (or is about to hold) the conversation, so the bot must not answer in it.</summary>
    public bool IsActive => Status is HandoffStatus.Queued or HandoffStatus.Accepted;

    public static LiveHandoff Queue(HandoffRequest request, string? maskedContact, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(request.ConversationId)) throw new HandoffRuleException("A handoff needs the conversation id.");
        if (string.IsNullOrWhiteSpace(request.ChannelId)) throw new HandoffRuleException("A handoff needs the channel id.");
        return new LiveHandoff
        {
            Id = Guid.NewGuid(),
            ConversationId = request.ConversationId,
            ChannelId = request.ChannelId,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? "asked" : request.Reason,
            _transcript = request.TranscriptExcerpt.ToList(),
            _candidateItemIds = request.CandidateItemIds.Distinct().ToList(),
            _situationAnswers = request.SituationAnswers.ToDictionary(),
            MaskedContact = maskedContact,
            Status = HandoffStatus.Queued,
            RequestedAt = at,
        };
    }

    public void Accept(Actor specialist, DateTimeOffset at)
    {
        if (Status != HandoffStatus.Queued)
            throw new HandoffRuleException($"Cannot accept handoff {Id}: it is {Status}; only a queued handoff can be accepted.");
        SpecialistId = specialist.Id;
        AcceptedAt = at;
        Status = HandoffStatus.Accepted;
        Version++;
    }

    public void Complete(Actor specialist, DateTimeOffset at, string summary)
    {
        if (Status != HandoffStatus.Accepted)
            throw new HandoffRuleException($"Cannot complete handoff {Id}: it is {Status}; only an accepted handoff can be completed.");
        if (specialist.Role == StaffRole.Specialist && specialist.Id != SpecialistId)
            throw new HandoffRuleException($"Handoff {Id} is held by another specialist.");
        if (string.IsNullOrWhiteSpace(summary)) throw new HandoffRuleException("Completing a handoff needs a summary.");
        EndedAt = at;
        Outcome = summary.Trim();
        Status = HandoffStatus.Completed;
        Version++;
    }

    public void Fail(DateTimeOffset at, string reason)
    {
        if (!IsActive) throw new HandoffRuleException($"Cannot fail handoff {Id}: it is already {Status}.");
        EndedAt = at;
        Outcome = reason;
        Status = HandoffStatus.Failed;
        Version++;
    }

    /// <summary>A callback number the citizen gave after asking for a human (the full number is kept apart, see ContactRow).</summary>
    public void RecordContact(string maskedContact)
    {
        if (!IsActive) throw new HandoffRuleException($"转人工请求 {Id} 已结束（{Status}），不能再登记联系方式。");
        MaskedContact = maskedContact;
        Version++;
    }

    public void LinkTicket(string ticketNumber)
    {
        if (TicketNumber is not null) throw new HandoffRuleException($"Handoff {Id} already became ticket {TicketNumber}.");
        TicketNumber = ticketNumber;
        Version++;
    }
}
