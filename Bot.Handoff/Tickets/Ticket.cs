using Bot.Handoff.Ratings;
using Bot.Handoff.Sla;
using Bot.Handoff.Staff;

namespace Bot.Handoff.Tickets;

/// <summary>
/// A citizen's request tracked until it is closed and rated (全流程闭环). Every move is a method that checks
/// the rules first and throws <see cref="HandoffRuleException"/> without changing anything when the move is
/// not allowed; a move that is allowed changes the status and appends one entry to <see cref="History"/>.
/// </summary>
public sealed class Ticket
{
    private readonly List<TicketEvent> _history = [];
    private List<string> _itemIds = [];
    private List<string> _cooperatingDepartmentIds = [];

    private Ticket() { }

    public Guid Id { get; private set; }

    /// <summary>Human-readable and unique across hosts, e.g. <c>GD-20261121-0001</c>.</summary>
    public string Number { get; private set; } = "";

    public TicketCategory Category { get; private set; }
    public TicketStatus Status { get; private set; }
    public string Description { get; private set; } = "";
    public IReadOnlyList<string> ItemIds => _itemIds;

    /// <summary>The citizen's contact as it may be shown to anyone (e.g. <c>138****5678</c>); the full contact is kept apart.</summary>
    public string? MaskedContact { get; private set; }

    public string? ChannelId { get; private set; }
    public string? ConversationId { get; private set; }
    public Guid? HandoffId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// <summary>The specialist who accepted it.</summary>
    public string? SpecialistId { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? LeadDepartmentId { get; private set; }
    public IReadOnlyList<string> CooperatingDepartmentIds => _cooperatingDepartmentIds;
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Resolution { get; private set; }
    public SatisfactionLevel? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>How often it was reopened; deadlines and ratings belong to one such cycle.</summary>
    public int Cycle { get; private set; }

    /// <summary>0 none, 1 督办 by the supervisor, 2 one level further.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>Set when a 差评 reopened it: the rectification is due then.</summary>
    public DateTimeOffset? RectificationDueAt { get; private set; }

    /// <summary>Changes with every move; two hosts saving the same ticket at once cannot both win.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TicketEvent> History => _history;

    public bool IsOpen => Status is not (TicketStatus.Resolved or TicketStatus.ReturnVisited or TicketStatus.Closed);

    /// <summary>Opens a new ticket.</summary>
    public static Ticket Open(string number, TicketCategory category, string description, IEnumerable<string> itemIds, string? maskedContact,
        string? channelId, string? conversationId, Guid? handoffId, Actor actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(description)) throw new HandoffRuleException("工单需要填写描述。");
        var ticket = new Ticket
        {
            Id = Guid.NewGuid(),
            Number = number,
            Category = category,
            Status = TicketStatus.New,
            Description = description.Trim(),
            _itemIds = itemIds.Distinct().ToList(),
            MaskedContact = maskedContact,
            ChannelId = channelId,
            ConversationId = conversationId,
            HandoffId = handoffId,
            CreatedAt = at,
            CreatedBy = actor.Id,
        };
        ticket.Record(TicketAction.Created, null, TicketStatus.New, actor, at, null);
        return ticket;
    }

    /// <summary>A specialist takes the ticket on (受理).</summary>
    public void Accept(Actor actor, DateTimeOffset at, string? note = null)
    {
        Require(TicketStatus.New, "受理");
        SpecialistId = actor.Id;
        AcceptedAt = at;
        Move(TicketAction.Accepted, TicketStatus.Accepted, actor, at, note);
    }

    /// <summary>Sends the ticket to a lead department (牵头部门) with its co-operating departments (协办部门).</summary>
    public void Dispatch(string leadDepartmentId, IReadOnlyCollection<string> cooperatingDepartmentIds, Actor actor, DateTimeOffset at, string? note = null)
    {
        Require(TicketStatus.Accepted, "派单");
        if (string.IsNullOrWhiteSpace(leadDepartmentId)) throw new HandoffRuleException("派单需要指定牵头部门。");
        if (cooperatingDepartmentIds.Contains(leadDepartmentId))
            throw new HandoffRuleException($"部门 {leadDepartmentId} 不能既牵头又协办。");
        LeadDepartmentId = leadDepartmentId;
        _cooperatingDepartmentIds = cooperatingDepartmentIds.Distinct().ToList();
        Move(TicketAction.Dispatched, TicketStatus.Dispatched, actor, at, note);
    }

    /// <summary>The lead department accepts the dispatched ticket and starts on it.</summary>
    public void Start(Actor actor, DateTimeOffset at, string? note = null)
    {
        Require(TicketStatus.Dispatched, "开始办理");
        RequireLeadDepartment(actor, "开始办理");
        Move(TicketAction.Started, TicketStatus.InProgress, actor, at, note);
    }

    /// <summary>Resolved: by the specialist when it was never dispatched, by the lead department when it was.</summary>
    public void Resolve(Actor actor, DateTimeOffset at, string resolution)
    {
        if (Status is not (TicketStatus.Accepted or TicketStatus.InProgress))
            throw Illegal("办结", "已受理或办理中");
        if (string.IsNullOrWhiteSpace(resolution)) throw new HandoffRuleException("办结需要填写办理结果。");
        if (Status == TicketStatus.InProgress) RequireLeadDepartment(actor, "办结");
        ResolvedAt = at;
        Resolution = resolution.Trim();
        Move(TicketAction.Resolved, TicketStatus.Resolved, actor, at, resolution);
    }

    /// <summary>The return visit (回访) after resolution.</summary>
    public void RecordReturnVisit(Actor actor, DateTimeOffset at, string note)
    {
        Require(TicketStatus.Resolved, "回访");
        if (string.IsNullOrWhiteSpace(note)) throw new HandoffRuleException("回访需要记录市民的反馈。");
        Move(TicketAction.ReturnVisited, TicketStatus.ReturnVisited, actor, at, note);
    }

    /// <summary>Closes the loop; only after the return visit.</summary>
    public void Close(Actor actor, DateTimeOffset at, string? note = null)
    {
        Require(TicketStatus.ReturnVisited, "关闭");
        Move(TicketAction.Closed, TicketStatus.Closed, actor, at, note);
    }

    /// <summary>Takes a resolved, visited or closed ticket up again, back to whoever works it.</summary>
    public void Reopen(Actor actor, DateTimeOffset at, string reason)
    {
        if (IsOpen) throw Illegal("重新办理", "已办结、已回访或已关闭");
        if (string.IsNullOrWhiteSpace(reason)) throw new HandoffRuleException("重新办理需要填写原因。");
        ReopenInto(TicketAction.Reopened, actor, at, reason);
    }

    /// <summary>
    /// The citizen's 好差评, once per resolution. A 不满意/非常不满意 reopens the ticket for rectification, due at
    /// <paramref name="rectificationDueAt"/>, after which a return visit is required again before it can close.
    /// </summary>
    public void Rate(SatisfactionLevel level, string? comment, DateTimeOffset at, DateTimeOffset rectificationDueAt)
    {
        if (!Enum.IsDefined(level)) throw new HandoffRuleException($"“{level}”不是好差评的评价等级。");
        if (IsOpen) throw Illegal("评价", "已办结");
        if (RatedAt is not null && RatedAt >= ResolvedAt) throw new HandoffRuleException($"工单 {Number} 本次办结已经评价过。");
        Rating = level;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RatedAt = at;
        Record(TicketAction.Rated, Status, Status, Actor.Citizen, at, $"{level.Label()}{(RatingComment is null ? "" : "：" + RatingComment)}");
        if (level.IsBad())
        {
            RectificationDueAt = rectificationDueAt;
            ReopenInto(TicketAction.Reopened, Actor.System, at, $"差评整改：{level.Label()}");
        }
    }

    /// <summary>Records a 督办 escalation of a breached deadline; the status stays as it is.</summary>
    public void Escalate(DeadlineKind kind, int level, DateTimeOffset at)
    {
        if (Status == TicketStatus.Closed) throw Illegal("督办", "未关闭");
        EscalationLevel = Math.Max(EscalationLevel, level);
        Record(TicketAction.Escalated, Status, Status, Actor.System, at, $"{kind} deadline breached, escalation level {level}");
    }

    /// <summary>Whether the promise of <paramref name="kind"/> made in <paramref name="cycle"/> has been kept (or no longer applies).</summary>
    public bool IsMet(DeadlineKind kind, int cycle) => cycle < Cycle || kind switch
    {
        DeadlineKind.FirstResponse => Status != TicketStatus.New,
        DeadlineKind.DepartmentAcceptance => Status != TicketStatus.Dispatched,
        _ => !IsOpen,
    };

    private void ReopenInto(TicketAction action, Actor actor, DateTimeOffset at, string note)
    {
        Cycle++;
        ResolvedAt = null;
        Resolution = null;
        Move(action, LeadDepartmentId is null ? TicketStatus.Accepted : TicketStatus.InProgress, actor, at, note);
    }

    private void Require(TicketStatus status, string move)
    {
        if (Status != status) throw Illegal(move, status.Label());
    }

    private void RequireLeadDepartment(Actor actor, string move)
    {
        if (actor.Role == StaffRole.DepartmentHandler && actor.DepartmentId != LeadDepartmentId)
            throw new HandoffRuleException($"只有牵头部门 {LeadDepartmentId} 可以对工单 {Number} {move}。");
    }

    private HandoffRuleException Illegal(string move, string allowed) =>
        new($"无法{move}工单 {Number}：当前{Status.Label()}，{allowed}的工单才能{move}。");

    private void Move(TicketAction action, TicketStatus to, Actor actor, DateTimeOffset at, string? note)
    {
        var from = Status;
        Status = to;
        Record(action, from, to, actor, at, note);
    }

    private void Record(TicketAction action, TicketStatus? from, TicketStatus to, Actor actor, DateTimeOffset at, string? note)
    {
        _history.Add(new TicketEvent(Id, _history.Count + 1, action, from, to, actor, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
        Version++;
    }
}
