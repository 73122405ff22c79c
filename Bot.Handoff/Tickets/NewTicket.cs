namespace Bot.Handoff.Tickets;

/// <summary>What opening a ticket needs.</summary>
/// <param name="Category">咨询/求助/疑难/跨部门/投诉/建议.</param>
/// <param name="Description">What the citizen needs, in the specialist's words.</param>
/// <param name="ItemIds">The catalogue items it concerns (validated by the caller against the catalogue).</param>
/// <param name="Contact">The citizen's callback contact, stored apart and shown masked.</param>
/// <param name="ChannelId">The channel of the conversation it came from, if any.</param>
/// <param name="ConversationId">The conversation it came from, if any: progress is posted there.</param>
/// <param name="HandoffId">The live handoff it was converted from, if any.</param>
public sealed record NewTicket(
    TicketCategory Category,
    string Description,
    IReadOnlyList<string> ItemIds,
    string? Contact = null,
    string? ChannelId = null,
    string? ConversationId = null,
    Guid? HandoffId = null);

/// <summary>Which tickets to list. A department handler's listing is always limited to their department.</summary>
/// <param name="Status">Only tickets in this status.</param>
/// <param name="DepartmentId">Only tickets this department leads or co-operates on.</param>
/// <param name="EscalatedOnly">Only tickets escalated at least once (督办).</param>
public sealed record TicketQuery(TicketStatus? Status = null, string? DepartmentId = null, bool EscalatedOnly = false);

/// <summary>One escalation (督办) as the supervisors see it.</summary>
public sealed record Escalation(string TicketNumber, Sla.DeadlineKind Kind, int Cycle, int Level, DateTimeOffset DueAt, DateTimeOffset EscalatedAt);
