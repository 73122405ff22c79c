using Bot.Handoff.Ratings;
using Bot.Handoff.Staff;

namespace Bot.Handoff.Tickets;

/// <summary>
/// Opens tickets and makes their moves: each move loads the ticket, applies the aggregate's method (which throws
/// <see cref="HandoffRuleException"/> on an illegal move), opens or settles its deadlines, saves once, and tells the
/// citizen and the consoles. Methods taking a number return null when there is no such ticket.
/// </summary>
public interface ITicketService
{
    Task<Ticket> OpenAsync(NewTicket request, Actor actor, CancellationToken cancellationToken);

    Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ticket>> ListAsync(TicketQuery query, CancellationToken cancellationToken);

    Task<Ticket?> AcceptAsync(string number, Actor actor, string? note, CancellationToken cancellationToken);

    Task<Ticket?> DispatchAsync(string number, string leadDepartmentId, IReadOnlyCollection<string> cooperatingDepartmentIds, Actor actor, string? note,
        CancellationToken cancellationToken);

    Task<Ticket?> StartAsync(string number, Actor actor, string? note, CancellationToken cancellationToken);

    Task<Ticket?> ResolveAsync(string number, Actor actor, string resolution, CancellationToken cancellationToken);

    Task<Ticket?> RecordReturnVisitAsync(string number, Actor actor, string note, CancellationToken cancellationToken);

    Task<Ticket?> CloseAsync(string number, Actor actor, string? note, CancellationToken cancellationToken);

    Task<Ticket?> ReopenAsync(string number, Actor actor, string reason, CancellationToken cancellationToken);

    /// <summary>The citizen's 好差评; the conversation must be the ticket's own (no staff login on this path).</summary>
    Task<Ticket?> RateAsync(string number, string conversationId, SatisfactionLevel level, string? comment, CancellationToken cancellationToken);

    /// <summary>The full contact, for roles that may see it; null when there is none.</summary>
    Task<string?> ContactAsync(string number, CancellationToken cancellationToken);

    Task<IReadOnlyList<Escalation>> EscalationsAsync(CancellationToken cancellationToken);
}
