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
        if (string.IsNullOrWhiteSpace(request.ConversationId)) throw new HandoffRuleException("转人工请求缺少会话编号。");
        if (string.IsNullOrWhiteSpace(request.ChannelId)) throw new HandoffRuleException("转人工请求缺少渠道。");
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
            throw new HandoffRuleException($"无法接入：该转人工请求{Label(Status)}，只有排队中的请求可以接入。");
        SpecialistId = specialist.Id;
        AcceptedAt = at;
        Status = HandoffStatus.Accepted;
        Version++;
    }

    public void Complete(Actor specialist, DateTimeOffset at, string summary)
    {
        if (Status != HandoffStatus.Accepted)
            throw new HandoffRuleException($"无法结束对话：该转人工请求{Label(Status)}，只有已接入的对话可以结束。");
        if (specialist.Role == StaffRole.Specialist && specialist.Id != SpecialistId)
            throw new HandoffRuleException($"该对话由其他专员（{SpecialistId}）接入，只能由其本人结束。");
        if (string.IsNullOrWhiteSpace(summary)) throw new HandoffRuleException("结束对话需要填写服务小结。");
        EndedAt = at;
        Outcome = summary.Trim();
        Status = HandoffStatus.Completed;
        Version++;
    }

    public void Fail(DateTimeOffset at, string reason)
    {
        if (!IsActive) throw new HandoffRuleException($"该转人工请求{Label(Status)}，不能再取消。");
        EndedAt = at;
        Outcome = reason;
        Status = HandoffStatus.Failed;
        Version++;
    }

    /// <summary>A callback number the citizen gave after asking for a human (the full number is kept apart, see ContactRow).</summary>
    public void RecordContact(string maskedContact)
    {
        if (!IsActive) throw new HandoffRuleException($"该转人工请求{Label(Status)}，不能再登记联系方式。");
        MaskedContact = maskedContact;
        Version++;
    }

    private static string Label(HandoffStatus status) => status switch
    {
        HandoffStatus.Queued => "正在排队",
        HandoffStatus.Accepted => "已由专员接入",
        HandoffStatus.Completed => "已结束",
        HandoffStatus.Failed => "已取消或超时",
        _ => status.ToString(),
    };

    public void LinkTicket(string ticketNumber)
    {
        if (TicketNumber is not null) throw new HandoffRuleException($"该对话已转为工单 {TicketNumber}。");
        TicketNumber = ticketNumber;
        Version++;
    }
}
