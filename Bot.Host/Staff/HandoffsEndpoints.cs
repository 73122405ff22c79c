using System.Security.Claims;
using Bot.Handoff.Handoffs;
using Bot.Handoff.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Staff;

/// <summary>The live handoff queue for specialists: the console's JSON calls (its live pushes come through Consoles/StaffHub).</summary>
internal static class HandoffsEndpoints
{
    public sealed record HandoffView(Guid Id, string ConversationId, string ChannelId, string Reason, string ReasonLabel, HandoffStatus Status, DateTimeOffset RequestedAt,
        double WaitingSeconds, string? SpecialistId, IReadOnlyList<TranscriptLine> TranscriptExcerpt, IReadOnlyList<string> CandidateItemIds,
        IReadOnlyDictionary<string, string> SituationAnswers, string? MaskedContact, string? Outcome, string? TicketNumber)
    {
        public static HandoffView Of(LiveHandoff h, TimeSpan waiting) => new(h.Id, h.ConversationId, h.ChannelId, h.Reason, HandoffReasons.Label(h.Reason), h.Status, h.RequestedAt,
            waiting.TotalSeconds, h.SpecialistId, h.TranscriptExcerpt, h.CandidateItemIds, h.SituationAnswers, h.MaskedContact, h.Outcome, h.TicketNumber);
    }

    public sealed record MessageView(string From, string? AuthorId, string Text, DateTimeOffset At)
    {
        public static MessageView Of(HandoffMessage m) => new(m.From, m.AuthorId, m.Text, m.At);
    }

    public sealed record MessageRequest(string? Text);

    public sealed record ConvertRequest(TicketCategory? Category, string? Description);

    public static IEndpointRouteBuilder MapStaffHandoffs(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff/handoffs").WithTags("Handoffs");
        api.MapGet("/", Queue).Roles(StaffRoles.Desk).WithName("HandoffQueue").WithSummary("Citizens waiting for a specialist, longest wait first.");
        api.MapGet("/mine", Mine).Roles(StaffRoles.Desk).WithName("MyHandoffs")
            .WithSummary("The chats the caller holds now, so a reloaded console picks them up again.");
        api.MapGet("/{id:guid}/messages", Messages).Roles(StaffRoles.Desk).WithName("HandoffMessages")
            .WithSummary("The live chat so far, oldest first; the citizen's messages masked.");
        api.MapGet("/{id:guid}", Get).Roles(StaffRoles.Desk).WithName("GetHandoff");
        api.MapPost("/{id:guid}/accept", Accept).Roles(StaffRoles.Desk).WithName("AcceptHandoff");
        api.MapPost("/{id:guid}/messages", Send).Roles(StaffRoles.Desk).WithName("SendHandoffMessage").WithSummary("Relays a message into the citizen's channel.");
        api.MapPost("/{id:guid}/complete", Complete).Roles(StaffRoles.Desk).WithName("CompleteHandoff").WithSummary("Ends the chat with a summary.");
        api.MapPost("/{id:guid}/ticket", Convert).Roles(StaffRoles.Desk).WithName("ConvertHandoffToTicket");
        return routes;
    }

    public static async Task<Ok<IReadOnlyList<HandoffView>>> Queue(IHandoffService handoffs, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<HandoffView>>((await handoffs.QueueAsync(cancellationToken)).Select(e => HandoffView.Of(e.Handoff, e.Waiting)).ToList());

    public static async Task<Ok<IReadOnlyList<HandoffView>>> Mine(ClaimsPrincipal user, IHandoffService handoffs, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<HandoffView>>((await handoffs.HeldByAsync(user.Actor().Id, cancellationToken)).Select(h => View(h, time)).ToList());

    public static async Task<Results<Ok<IReadOnlyList<MessageView>>, ProblemHttpResult>> Messages(Guid id, IHandoffService handoffs,
        CancellationToken cancellationToken)
    {
        if (await handoffs.FindAsync(id, cancellationToken) is null) return NotFound(id);
        return TypedResults.Ok<IReadOnlyList<MessageView>>((await handoffs.MessagesAsync(id, cancellationToken)).Select(MessageView.Of).ToList());
    }

    public static async Task<Results<Ok<HandoffView>, ProblemHttpResult>> Get(Guid id, IHandoffService handoffs, TimeProvider time,
        CancellationToken cancellationToken) =>
        await handoffs.FindAsync(id, cancellationToken) is { } h ? TypedResults.Ok(View(h, time)) : NotFound(id);

    public static async Task<Results<Ok<HandoffView>, ProblemHttpResult>> Accept(Guid id, ClaimsPrincipal user, IHandoffService handoffs, TimeProvider time,
        CancellationToken cancellationToken) =>
        await handoffs.AcceptAsync(id, user.Actor(), cancellationToken) is { } h ? TypedResults.Ok(View(h, time)) : NotFound(id);

    public static async Task<Results<Ok<HandoffView>, ProblemHttpResult>> Send(Guid id, MessageRequest request, ClaimsPrincipal user,
        IHandoffService handoffs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Text)) return TicketsEndpoints.BadRequest("text", "text is required.");
        return await handoffs.SendToCitizenAsync(id, user.Actor(), request.Text, cancellationToken) is { } h ? TypedResults.Ok(View(h, time)) : NotFound(id);
    }

    public static async Task<Results<Ok<HandoffView>, ProblemHttpResult>> Complete(Guid id, NoteRequest request, ClaimsPrincipal user,
        IHandoffService handoffs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Note)) return TicketsEndpoints.BadRequest("note", "note (the summary) is required.");
        return await handoffs.CompleteAsync(id, user.Actor(), request.Note, cancellationToken) is { } h ? TypedResults.Ok(View(h, time)) : NotFound(id);
    }

    public static async Task<Results<Created<TicketView>, ProblemHttpResult>> Convert(Guid id, ConvertRequest request, ClaimsPrincipal user,
        IHandoffService handoffs, CancellationToken cancellationToken)
    {
        if (request.Category is not { } category) return TicketsEndpoints.BadRequest("category", "category is required.");
        if (string.IsNullOrWhiteSpace(request.Description)) return TicketsEndpoints.BadRequest("description", "description is required.");
        var ticket = await handoffs.ConvertToTicketAsync(id, category, request.Description, user.Actor(), cancellationToken);
        return ticket is null ? NotFound(id) : TypedResults.Created($"/api/staff/tickets/{ticket.Number}", TicketView.Of(ticket));
    }

    private static HandoffView View(LiveHandoff h, TimeProvider time) =>
        HandoffView.Of(h, h.Status == HandoffStatus.Queued ? time.GetUtcNow() - h.RequestedAt : (h.AcceptedAt ?? h.RequestedAt) - h.RequestedAt);

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Handoff not found",
        detail: $"There is no handoff '{id}'.", extensions: SignInEndpoints.Field("id"));
}
