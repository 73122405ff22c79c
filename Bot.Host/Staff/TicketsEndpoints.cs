using System.Security.Claims;
using Bot.Handoff.Staff;
using Bot.Handoff.Tickets;
using Bot.Knowledge.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Staff;

/// <summary>
/// The staff ticket API. Department handlers see only tickets their department leads or co-operates on (others are
/// 404 to them); an illegal move is a 409 from the error handler; bad input is a 400 naming the field.
/// </summary>
internal static class TicketsEndpoints
{
    public static IEndpointRouteBuilder MapStaffTickets(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff/tickets").WithTags("Tickets");
        api.MapGet("/", List).Roles(StaffRoles.TicketReaders).WithName("ListTickets").WithSummary("Tickets (a department handler's: their department's).");
        api.MapGet("/escalations", Escalations).Roles(StaffRoles.Supervisors).WithName("ListEscalations").WithSummary("Every escalation (督办).");
        api.MapGet("/{number}", Get).Roles(StaffRoles.TicketReaders).WithName("GetTicket").WithSummary("One ticket.");
        api.MapGet("/{number}/audit", Audit).Roles(StaffRoles.TicketReaders).WithName("TicketAudit").WithSummary("Every step: actor, time, note.");
        api.MapGet("/{number}/contact", Contact).Roles(StaffRoles.Desk).WithName("TicketContact").WithSummary("The citizen's full contact (desk roles only).");
        api.MapPost("/", Create).Roles(StaffRoles.Desk).WithName("CreateTicket").WithSummary("Opens a ticket.");
        api.MapPost("/{number}/accept", Accept).Roles(StaffRoles.Desk).WithName("AcceptTicket");
        api.MapPost("/{number}/dispatch", Dispatch).Roles(StaffRoles.Desk).WithName("DispatchTicket").WithSummary("To a lead department with co-operating departments.");
        api.MapPost("/{number}/start", Start).Roles(StaffRoles.Department).WithName("StartTicket").WithSummary("The lead department starts on it.");
        api.MapPost("/{number}/resolve", Resolve).Roles(StaffRoles.Resolvers).WithName("ResolveTicket");
        api.MapPost("/{number}/return-visit", ReturnVisit).Roles(StaffRoles.Desk).WithName("ReturnVisitTicket");
        api.MapPost("/{number}/close", Close).Roles(StaffRoles.Desk).WithName("CloseTicket");
        api.MapPost("/{number}/reopen", Reopen).Roles(StaffRoles.Desk).WithName("ReopenTicket");
        return routes;
    }

    internal static RouteHandlerBuilder Roles(this RouteHandlerBuilder endpoint, string roles) =>
        endpoint.RequireAuthorization(new AuthorizeAttribute { Roles = roles });

    public static async Task<Ok<IReadOnlyList<TicketView>>> List(ClaimsPrincipal user, ITicketService tickets, TicketStatus? status = null,
        bool escalated = false, string? department = null, CancellationToken cancellationToken = default)
    {
        var query = new TicketQuery(status, user.HandlerDepartment() ?? department, escalated);
        var list = await tickets.ListAsync(query, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TicketView>>(list.Select(TicketView.Of).ToList());
    }

    public static async Task<Ok<IReadOnlyList<Escalation>>> Escalations(ITicketService tickets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tickets.EscalationsAsync(cancellationToken));

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Get(string number, ClaimsPrincipal user, ITicketService tickets,
        CancellationToken cancellationToken) =>
        await VisibleAsync(number, user, tickets, cancellationToken) is { } ticket ? TypedResults.Ok(TicketView.Of(ticket)) : NotFound(number);

    public static async Task<Results<Ok<IReadOnlyList<TicketEventView>>, ProblemHttpResult>> Audit(string number, ClaimsPrincipal user,
        ITicketService tickets, CancellationToken cancellationToken) =>
        await VisibleAsync(number, user, tickets, cancellationToken) is { } ticket
            ? TypedResults.Ok<IReadOnlyList<TicketEventView>>(ticket.History.OrderBy(e => e.Sequence).Select(TicketEventView.Of).ToList())
            : NotFound(number);

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> Contact(string number, ITicketService tickets, CancellationToken cancellationToken) =>
        await tickets.FindAsync(number, cancellationToken) is null
            ? NotFound(number)
            : TypedResults.Ok(new ContactView(number, await tickets.ContactAsync(number, cancellationToken)));

    public static async Task<Results<Created<TicketView>, ProblemHttpResult>> Create(CreateTicketRequest request, ClaimsPrincipal user,
        ITicketService tickets, IKnowledgeCatalog catalog, CancellationToken cancellationToken)
    {
        if (request.Category is not { } category) return BadRequest("category", "category is required: consultation, help, difficult, crossDepartment, complaint or suggestion.");
        if (string.IsNullOrWhiteSpace(request.Description)) return BadRequest("description", "description is required.");
        var items = request.ItemIds ?? [];
        var knowledge = catalog.Current;
        if (items.FirstOrDefault(id => !knowledge.Items.ContainsKey(id) && !knowledge.Bundles.ContainsKey(id)) is { } unknown)
            return BadRequest("itemIds", $"'{unknown}' is not a catalogue item or bundle id.");
        var ticket = await tickets.OpenAsync(new NewTicket(category, request.Description, items, request.Contact, request.ChannelId, request.ConversationId),
            user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/staff/tickets/{ticket.Number}", TicketView.Of(ticket));
    }

    public static Task<Results<Ok<TicketView>, ProblemHttpResult>> Accept(string number, NoteRequest? request, ClaimsPrincipal user, ITicketService tickets,
        CancellationToken cancellationToken) =>
        MoveAsync(number, user, tickets, () => tickets.AcceptAsync(number, user.Actor(), request?.Note, cancellationToken), cancellationToken);

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Dispatch(string number, DispatchRequest request, ClaimsPrincipal user,
        ITicketService tickets, IKnowledgeCatalog catalog, CancellationToken cancellationToken)
    {
        var departments = catalog.Current.Departments;
        if (string.IsNullOrWhiteSpace(request.LeadDepartmentId)) return BadRequest("leadDepartmentId", "leadDepartmentId is required.");
        if (!departments.ContainsKey(request.LeadDepartmentId))
            return BadRequest("leadDepartmentId", $"'{request.LeadDepartmentId}' is not a catalogue department id.");
        var cooperating = request.CooperatingDepartmentIds ?? [];
        if (cooperating.FirstOrDefault(id => !departments.ContainsKey(id)) is { } unknown)
            return BadRequest("cooperatingDepartmentIds", $"'{unknown}' is not a catalogue department id.");
        return await MoveAsync(number, user, tickets,
            () => tickets.DispatchAsync(number, request.LeadDepartmentId, cooperating.ToList(), user.Actor(), request.Note, cancellationToken), cancellationToken);
    }

    public static Task<Results<Ok<TicketView>, ProblemHttpResult>> Start(string number, NoteRequest? request, ClaimsPrincipal user, ITicketService tickets,
        CancellationToken cancellationToken) =>
        MoveAsync(number, user, tickets, () => tickets.StartAsync(number, user.Actor(), request?.Note, cancellationToken), cancellationToken);

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Resolve(string number, NoteRequest request, ClaimsPrincipal user,
        ITicketService tickets, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Note)
            ? BadRequest("note", "note (how it was resolved) is required.")
            : await MoveAsync(number, user, tickets, () => tickets.ResolveAsync(number, user.Actor(), request.Note, cancellationToken), cancellationToken);

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> ReturnVisit(string number, NoteRequest request, ClaimsPrincipal user,
        ITicketService tickets, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Note)
            ? BadRequest("note", "note (what the citizen said) is required.")
            : await MoveAsync(number, user, tickets, () => tickets.RecordReturnVisitAsync(number, user.Actor(), request.Note, cancellationToken), cancellationToken);

    public static Task<Results<Ok<TicketView>, ProblemHttpResult>> Close(string number, NoteRequest? request, ClaimsPrincipal user, ITicketService tickets,
        CancellationToken cancellationToken) =>
        MoveAsync(number, user, tickets, () => tickets.CloseAsync(number, user.Actor(), request?.Note, cancellationToken), cancellationToken);

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> Reopen(string number, NoteRequest request, ClaimsPrincipal user,
        ITicketService tickets, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Note)
            ? BadRequest("note", "note (why it is reopened) is required.")
            : await MoveAsync(number, user, tickets, () => tickets.ReopenAsync(number, user.Actor(), request.Note, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<TicketView>, ProblemHttpResult>> MoveAsync(string number, ClaimsPrincipal user, ITicketService tickets,
        Func<Task<Ticket?>> move, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(number, user, tickets, cancellationToken) is null) return NotFound(number);
        return await move() is { } ticket ? TypedResults.Ok(TicketView.Of(ticket)) : NotFound(number);
    }

    /// <summary>The ticket, if this member of staff may see it: a department handler only their department's.</summary>
    private static async Task<Ticket?> VisibleAsync(string number, ClaimsPrincipal user, ITicketService tickets, CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindAsync(number, cancellationToken);
        if (ticket is null || user.HandlerDepartment() is not { } department) return ticket;
        return ticket.LeadDepartmentId == department || ticket.CooperatingDepartmentIds.Contains(department) ? ticket : null;
    }

    internal static ProblemHttpResult NotFound(string number) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ticket not found",
        detail: $"There is no ticket '{number}' that you may see.", extensions: SignInEndpoints.Field("number"));

    internal static ProblemHttpResult BadRequest(string field, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail, extensions: SignInEndpoints.Field(field));
}
