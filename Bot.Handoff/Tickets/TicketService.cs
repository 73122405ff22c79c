using Bot.Knowledge.Text;
using Bot.Handoff.Diagnostics;
using Bot.Handoff.Notifications;
using Bot.Handoff.Ratings;
using Bot.Handoff.Sla;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bot.Handoff.Tickets;

internal sealed class TicketService(
    HandoffDbContext db,
    TicketNumbers numbers,
    DeadlinePolicy policy,
    IDeadlineTimers timers,
    TimeProvider time,
    HandoffMetrics metrics,
    NotificationRelay notify,
    ILogger<TicketService> logger) : ITicketService
{
    public async Task<Ticket> OpenAsync(NewTicket request, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var masked = request.Contact is { Length: > 0 } contact ? PersonalData.MaskContact(contact) : null;
        var number = await numbers.NextAsync(now, cancellationToken);
        var ticket = Ticket.Open(number, request.Category, request.Description, request.ItemIds, masked,
            request.ChannelId, request.ConversationId, request.HandoffId, actor, now);
        db.Tickets.Add(ticket);
        if (request.Contact is { Length: > 0 }) db.Contacts.Add(new ContactRow { OwnerId = ticket.Id, Contact = request.Contact.Trim() });
        var timersToStart = new List<DeadlineTimer>
        {
            OpenDeadline(ticket, DeadlineKind.FirstResponse, policy.DueAt(DeadlineKind.FirstResponse, ticket.Category, now), now),
            OpenDeadline(ticket, DeadlineKind.Resolution, policy.DueAt(DeadlineKind.Resolution, ticket.Category, now), now),
        };
        await db.SaveChangesAsync(cancellationToken);
        foreach (var timer in timersToStart) await timers.ScheduleAsync(timer, cancellationToken);
        logger.TicketOpened(ticket.Number, ticket.Category.ToString(), actor.ToString());
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.TicketChanged, ticket.Number, Audience(ticket),
            $"新工单 {ticket.Number}（{ticket.Category.Label()}）：待受理"), cancellationToken);
        await TellAsync(ticket, CitizenNoticeKind.TicketOpened, $"已为您登记工单 {ticket.Number}（{ticket.Category.Label()}），我们将在 {Local(timersToStart[1].DueAt)} 前办结并回复您。",
            cancellationToken);
        return ticket;
    }

    public Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().Include(t => t.History).SingleOrDefaultAsync(t => t.Number == number, cancellationToken);

    public async Task<IReadOnlyList<Ticket>> ListAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking().Include(t => t.History).AsQueryable();
        if (query.Status is { } status) tickets = tickets.Where(t => t.Status == status);
        if (query.EscalatedOnly) tickets = tickets.Where(t => t.EscalationLevel > 0);
        // Dispatched tickets only; co-operating departments live in a JSON column, so that part is decided in memory.
        if (query.DepartmentId is not null) tickets = tickets.Where(t => t.LeadDepartmentId != null);
        var list = await tickets.ToListAsync(cancellationToken);
        return list
            .Where(t => query.DepartmentId is null || t.LeadDepartmentId == query.DepartmentId || t.CooperatingDepartmentIds.Contains(query.DepartmentId))
            .OrderByDescending(t => t.CreatedAt)
            .ToList();
    }

    public Task<Ticket?> AcceptAsync(string number, Actor actor, string? note, CancellationToken cancellationToken) =>
        MoveAsync(number, (ticket, now) =>
        {
            ticket.Accept(actor, now, note);
            metrics.FirstResponse(ticket.Category, now - ticket.CreatedAt);
            return [];
        }, "工单已受理，专员正在为您办理。", cancellationToken);

    public Task<Ticket?> DispatchAsync(string number, string leadDepartmentId, IReadOnlyCollection<string> cooperatingDepartmentIds, Actor actor,
        string? note, CancellationToken cancellationToken) =>
        MoveAsync(number, (ticket, now) =>
        {
            ticket.Dispatch(leadDepartmentId, cooperatingDepartmentIds, actor, now, note);
            return [OpenDeadline(ticket, DeadlineKind.DepartmentAcceptance, policy.DueAt(DeadlineKind.DepartmentAcceptance, ticket.Category, now), now)];
        }, "工单已转交牵头部门办理。", cancellationToken);

    public Task<Ticket?> StartAsync(string number, Actor actor, string? note, CancellationToken cancellationToken) =>
        MoveAsync(number, (ticket, now) => { ticket.Start(actor, now, note); return []; }, "牵头部门已接单，正在办理。", cancellationToken);

    public Task<Ticket?> ResolveAsync(string number, Actor actor, string resolution, CancellationToken cancellationToken) =>
        MoveAsync(number, (ticket, now) => { ticket.Resolve(actor, now, resolution); return []; },
            "工单已办结。请对本次服务进行评价：非常满意、满意、基本满意、不满意、非常不满意。", cancellationToken);

    public Task<Ticket?> RecordReturnVisitAsync(string number, Actor actor, string note, CancellationToken cancellationToken) =>
        MoveAsync(number, (ticket, now) => { ticket.RecordReturnVisit(actor, now, note); return []; }, null, cancellationToken);

    public Task<Ticket?> CloseAsync(string number, Actor actor, string? note, CancellationToken cancellationToken) =>
        MoveAsync(number, (ticket, now) => { ticket.Close(actor, now, note); return []; }, "工单已关闭，感谢您的耐心。", cancellationToken);

    public Task<Ticket?> ReopenAsync(string number, Actor actor, string reason, CancellationToken cancellationToken) =>
        MoveAsync(number, (ticket, now) =>
        {
            ticket.Reopen(actor, now, reason);
            return [OpenDeadline(ticket, DeadlineKind.Resolution, policy.DueAt(DeadlineKind.Resolution, ticket.Category, now), now)];
        }, "工单已重新办理。", cancellationToken);

    public async Task<Ticket?> RateAsync(string number, string conversationId, SatisfactionLevel level, string? comment, CancellationToken cancellationToken)
    {
        var owned = await db.Tickets.AsNoTracking().AnyAsync(t => t.Number == number && t.ConversationId == conversationId, cancellationToken);
        if (!owned) return null;
        var ticket = await MoveAsync(number, (ticket, now) =>
        {
            var due = policy.RectificationDueAt(now);
            ticket.Rate(level, comment, now, due);
            return level.IsBad() ? [OpenDeadline(ticket, DeadlineKind.Rectification, due, now)] : [];
        }, level.IsBad() ? "很抱歉让您不满意，工单已转入整改，整改后我们将回访您。" : "感谢您的评价！", cancellationToken);
        if (ticket is not null)
        {
            metrics.Rated(level);
            logger.TicketRated(number, level.ToString());
        }
        return ticket;
    }

    public async Task<string?> ContactAsync(string number, CancellationToken cancellationToken)
    {
        var id = await db.Tickets.Where(t => t.Number == number).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
        return id is null ? null : await db.Contacts.Where(c => c.OwnerId == id).Select(c => c.Contact).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Escalation>> EscalationsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Escalations.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderByDescending(e => e.EscalatedAt)
            .Select(e => new Escalation(e.TicketNumber, e.Kind, e.Cycle, e.Level, e.DueAt, e.EscalatedAt))
            .ToList();
    }

    /// <summary>Loads, moves, settles kept deadlines, opens new ones, saves once, then schedules and tells.</summary>
    private async Task<Ticket?> MoveAsync(string number, Func<Ticket, DateTimeOffset, IReadOnlyList<DeadlineTimer>> move, string? citizenMessage,
        CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.Include(t => t.History).SingleOrDefaultAsync(t => t.Number == number, cancellationToken);
        if (ticket is null) return null;
        var now = time.GetUtcNow();
        var opened = move(ticket, now);
        var open = await db.Deadlines.Where(d => d.TicketId == ticket.Id && d.MetAt == null).ToListAsync(cancellationToken);
        var kept = open.Where(d => ticket.IsMet(d.Kind, d.Cycle)).ToList();
        foreach (var deadline in kept) deadline.MetAt = now;
        await db.SaveChangesAsync(cancellationToken);

        foreach (var deadline in kept) await timers.CancelAsync(deadline.TicketId, deadline.Kind, deadline.Cycle, cancellationToken);
        foreach (var timer in opened) await timers.ScheduleAsync(timer, cancellationToken);
        var last = ticket.History[^1];
        logger.TicketMoved(ticket.Number, last.Action.ToString(), last.ActorId, ticket.Status.ToString());
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.TicketChanged, ticket.Number, Audience(ticket),
            $"工单 {ticket.Number}：{last.Action.Label()}，现为{ticket.Status.Label()}"), cancellationToken);
        if (citizenMessage is not null) await TellAsync(ticket, CitizenNoticeKind.TicketProgress, $"工单 {ticket.Number}：{citizenMessage}", cancellationToken);
        return ticket;
    }

    private DeadlineTimer OpenDeadline(Ticket ticket, DeadlineKind kind, DateTimeOffset dueAt, DateTimeOffset now)
    {
        db.Deadlines.Add(new DeadlineRow { TicketId = ticket.Id, Kind = kind, Cycle = ticket.Cycle, DueAt = dueAt });
        return policy.Timer(ticket.Id, kind, ticket.Cycle, dueAt, now);
    }

    private Task TellAsync(Ticket ticket, CitizenNoticeKind kind, string text, CancellationToken cancellationToken) =>
        ticket is { ChannelId: { } channel, ConversationId: { } conversation }
            ? notify.CitizenAsync(new CitizenNotice(channel, conversation, kind, text, ticket.Number), cancellationToken)
            : Task.CompletedTask;

    private static string[] Audience(Ticket ticket) => ticket.LeadDepartmentId is { } lead
        ? [.. StaffNotice.Desk, $"department:{lead}", .. ticket.CooperatingDepartmentIds.Select(d => $"department:{d}")]
        : StaffNotice.Desk;

    private string Local(DateTimeOffset at) =>
        policy.Local(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
