using Bot.Handoff.Ratings;
using Bot.Handoff.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Tickets;

/// <summary>
/// The citizen's side of a ticket, without a staff login: the ticket number together with the conversation it was
/// opened from proves it is theirs. Progress, and the 好差评 rating once resolved.
/// </summary>
internal static class CitizenTicketsEndpoints
{
    public sealed record CitizenTicketView(string Number, string Category, TicketStatus Status, string StatusLabel, DateTimeOffset CreatedAt,
        DateTimeOffset? ResolvedAt, string? Resolution, SatisfactionLevel? Rating, bool CanRate);

    public sealed record RatingRequest(string? ConversationId, SatisfactionLevel? Level, string? Comment);

    public static IEndpointRouteBuilder MapCitizenTickets(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/tickets").WithTags("Citizen tickets").AllowAnonymous();
        api.MapGet("/{number}", Get).WithName("CitizenTicket").WithSummary("Progress of one's own ticket (number + conversationId).");
        api.MapPost("/{number}/rating", Rate).WithName("RateTicket").WithSummary("好差评: five levels, optional comment; 不满意 reopens for rectification.");
        return routes;
    }

    public static async Task<Results<Ok<CitizenTicketView>, ProblemHttpResult>> Get(string number, string? conversationId, ITicketService tickets,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(conversationId)) return BadRequest("conversationId", "conversationId is required.");
        var ticket = await tickets.FindAsync(number, cancellationToken);
        return ticket is not null && ticket.ConversationId == conversationId ? TypedResults.Ok(View(ticket)) : NotFound(number);
    }

    public static async Task<Results<Ok<CitizenTicketView>, ProblemHttpResult>> Rate(string number, RatingRequest request, ITicketService tickets,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ConversationId)) return BadRequest("conversationId", "conversationId is required.");
        if (request.Level is not { } level || !Enum.IsDefined(level))
            return BadRequest("level", "level is required: verySatisfied, satisfied, basicallySatisfied, dissatisfied or veryDissatisfied.");
        var ticket = await tickets.RateAsync(number, request.ConversationId, level, request.Comment, cancellationToken);
        return ticket is null ? NotFound(number) : TypedResults.Ok(View(ticket));
    }

    private static CitizenTicketView View(Ticket t) => new(t.Number, t.Category.Label(), t.Status, t.Status.Label(), t.CreatedAt, t.ResolvedAt,
        t.Resolution, t.Rating, !t.IsOpen && (t.RatedAt is null || t.RatedAt < t.ResolvedAt));

    private static ProblemHttpResult NotFound(string number) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found",
        detail: $"There is no ticket '{number}' in this conversation.", extensions: new Dictionary<string, object?> { ["field"] = "number" });

    private static ProblemHttpResult BadRequest(string field, string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "Bad request", detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });
}
