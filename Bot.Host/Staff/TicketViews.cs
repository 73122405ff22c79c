using Bot.Handoff.Ratings;
using Bot.Handoff.Tickets;

namespace Bot.Host.Staff;

/// <summary>A ticket as the staff console shows it: the contact masked, the audit trail on request.</summary>
public sealed record TicketView(
    string Number, TicketCategory Category, string CategoryLabel, TicketStatus Status, string StatusLabel, string Description,
    IReadOnlyList<string> ItemIds, string? MaskedContact, string? ChannelId, string? ConversationId, DateTimeOffset CreatedAt, string CreatedBy,
    string? SpecialistId, string? LeadDepartmentId, IReadOnlyList<string> CooperatingDepartmentIds, DateTimeOffset? ResolvedAt, string? Resolution,
    SatisfactionLevel? Rating, string? RatingLabel, string? RatingComment, int Cycle, int EscalationLevel, DateTimeOffset? RectificationDueAt)
{
    public static TicketView Of(Ticket t) => new(t.Number, t.Category, t.Category.Label(), t.Status, t.Status.Label(), t.Description, t.ItemIds,
        t.MaskedContact, t.ChannelId, t.ConversationId, t.CreatedAt, t.CreatedBy, t.SpecialistId, t.LeadDepartmentId, t.CooperatingDepartmentIds,
        t.ResolvedAt, t.Resolution, t.Rating, t.Rating?.Label(), t.RatingComment, t.Cycle, t.EscalationLevel, t.RectificationDueAt);
}

/// <summary>One step of the audit trail.</summary>
public sealed record TicketEventView(int Sequence, TicketAction Action, string ActionLabel, TicketStatus? From, string? FromLabel, TicketStatus To,
    string ToLabel, string Actor, string? ActorRole, DateTimeOffset At, string? Note)
{
    public static TicketEventView Of(TicketEvent e) => new(e.Sequence, e.Action, e.Action.Label(), e.FromStatus, e.FromStatus?.Label(), e.ToStatus,
        e.ToStatus.Label(), e.ActorId, e.ActorRole, e.At, e.Note);
}

public sealed record CreateTicketRequest(TicketCategory? Category, string? Description, IReadOnlyList<string>? ItemIds, string? Contact,
    string? ChannelId, string? ConversationId);

public sealed record NoteRequest(string? Note);

public sealed record DispatchRequest(string? LeadDepartmentId, IReadOnlyList<string>? CooperatingDepartmentIds, string? Note);

public sealed record ContactView(string Number, string? Contact);
