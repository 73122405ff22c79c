using Bot.Knowledge.Text;
using Bot.Handoff.Diagnostics;
using Bot.Handoff.Notifications;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Bot.Handoff.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bot.Handoff.Handoffs;

internal sealed class HandoffService(
    HandoffDbContext db,
    ITicketService tickets,
    TimeProvider time,
    HandoffMetrics metrics,
    NotificationRelay notify,
    ILogger<HandoffService> logger) : IHandoffService
{
    private static readonly string[] Specialists = ["Specialist", "Supervisor"];

    public async Task<LiveHandoff> InitiateAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        if (await GetActiveAsync(request.ConversationId, cancellationToken) is { } active) return active;
        var masked = request.Contact is { Length: > 0 } contact ? PersonalData.MaskContact(contact) : null;
        var handoff = LiveHandoff.Queue(request, masked, time.GetUtcNow());
        db.Handoffs.Add(handoff);
        if (request.Contact is { Length: > 0 }) db.Contacts.Add(new ContactRow { OwnerId = handoff.Id, Contact = request.Contact.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        metrics.Queued();
        logger.HandoffQueued(handoff.Id, handoff.ChannelId, handoff.Reason);
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.QueueChanged, handoff.Id.ToString(), Specialists, $"新的转人工请求（{handoff.Reason}）"),
            cancellationToken);
        return handoff;
    }

    public async Task<LiveHandoff?> GetActiveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var candidates = await db.Handoffs.AsNoTracking()
            .Where(h => h.ConversationId == conversationId && (h.Status == HandoffStatus.Queued || h.Status == HandoffStatus.Accepted))
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(h => h.RequestedAt).FirstOrDefault();
    }

    public Task<LiveHandoff?> FindAsync(Guid handoffId, CancellationToken cancellationToken) =>
        db.Handoffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);

    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = await db.Handoffs.AsNoTracking().Where(h => h.Status == HandoffStatus.Queued).ToListAsync(cancellationToken);
        return queued.OrderBy(h => h.RequestedAt).Select(h => new QueueEntry(h, now - h.RequestedAt)).ToList();
    }

    public async Task<LiveHandoff?> AcceptAsync(Guid handoffId, Actor specialist, CancellationToken cancellationToken)
    {
        var handoff = await db.Handoffs.SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is null) return null;
        var now = time.GetUtcNow();
        handoff.Accept(specialist, now);
        await db.SaveChangesAsync(cancellationToken);
        var waited = now - handoff.RequestedAt;
        metrics.LeftQueue(waited);
        logger.HandoffAccepted(handoff.Id, specialist.Id, waited.TotalSeconds);
        var employeeNumber = await EmployeeNumberAsync(specialist, cancellationToken);
        await notify.CitizenAsync(new CitizenNotice(handoff.ChannelId, handoff.ConversationId, CitizenNoticeKind.SpecialistJoined,
            $"人工客服 工号{employeeNumber} 为您服务。", SpecialistEmployeeNumber: employeeNumber), cancellationToken);
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.HandoffAccepted, handoff.Id.ToString(), Specialists, $"已由 {specialist.Id} 接入"),
            cancellationToken);
        return handoff;
    }

    public async Task<LiveHandoff?> SendToCitizenAsync(Guid handoffId, Actor specialist, string text, CancellationToken cancellationToken)
    {
        var handoff = await FindAsync(handoffId, cancellationToken);
        if (handoff is null) return null;
        if (handoff.Status != HandoffStatus.Accepted || handoff.SpecialistId != specialist.Id)
            throw new HandoffRuleException($"Only the specialist holding handoff {handoffId} can write to the citizen while it is accepted.");
        if (string.IsNullOrWhiteSpace(text)) throw new HandoffRuleException("A message needs text.");
        var employeeNumber = await EmployeeNumberAsync(specialist, cancellationToken);
        await notify.CitizenAsync(new CitizenNotice(handoff.ChannelId, handoff.ConversationId, CitizenNoticeKind.SpecialistMessage, text.Trim(),
            SpecialistEmployeeNumber: employeeNumber), cancellationToken);
        return handoff;
    }

    public async Task RelayFromCitizenAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        if (await GetActiveAsync(conversationId, cancellationToken) is not { } handoff) return;
        string[] audience = handoff.SpecialistId is { } holder ? [$"user:{holder}"] : Specialists;
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.CitizenMessage, handoff.Id.ToString(), audience, PersonalData.Mask(text)),
            cancellationToken);
    }

    public async Task<LiveHandoff?> CompleteAsync(Guid handoffId, Actor specialist, string summary, CancellationToken cancellationToken)
    {
        var handoff = await db.Handoffs.SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is null) return null;
        handoff.Complete(specialist, time.GetUtcNow(), summary);
        await db.SaveChangesAsync(cancellationToken);
        logger.HandoffEnded(handoff.Id, handoff.Status.ToString());
        await notify.CitizenAsync(new CitizenNotice(handoff.ChannelId, handoff.ConversationId, CitizenNoticeKind.HandoffEnded,
            "本次人工服务已结束，智能助手继续为您服务。"), cancellationToken);
        return handoff;
    }

    public async Task<LiveHandoff?> FailAsync(Guid handoffId, string reason, CancellationToken cancellationToken)
    {
        var handoff = await db.Handoffs.SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is null) return null;
        var wasQueued = handoff.Status == HandoffStatus.Queued;
        handoff.Fail(time.GetUtcNow(), reason);
        await db.SaveChangesAsync(cancellationToken);
        if (wasQueued) metrics.LeftQueue(null);
        logger.HandoffEnded(handoff.Id, handoff.Status.ToString());
        await notify.CitizenAsync(new CitizenNotice(handoff.ChannelId, handoff.ConversationId, CitizenNoticeKind.HandoffEnded,
            "暂时没有人工客服可以接入，智能助手继续为您服务；您也可以留下联系方式，我们登记工单后回复您。"), cancellationToken);
        return handoff;
    }

    public async Task<Ticket?> ConvertToTicketAsync(Guid handoffId, TicketCategory category, string description, Actor actor,
        CancellationToken cancellationToken)
    {
        var handoff = await db.Handoffs.SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is null) return null;
        if (handoff.TicketNumber is { } existing) throw new HandoffRuleException($"Handoff {handoffId} already became ticket {existing}.");
        var contact = await db.Contacts.Where(c => c.OwnerId == handoffId).Select(c => c.Contact).SingleOrDefaultAsync(cancellationToken);
        var ticket = await tickets.OpenAsync(new NewTicket(category, description, handoff.CandidateItemIds, contact,
            handoff.ChannelId, handoff.ConversationId, handoff.Id), actor, cancellationToken);
        handoff.LinkTicket(ticket.Number);
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    private async Task<string> EmployeeNumberAsync(Actor specialist, CancellationToken cancellationToken) =>
        await db.Staff.Where(s => s.UserName == specialist.Id).Select(s => s.EmployeeNumber).SingleOrDefaultAsync(cancellationToken) ?? specialist.Id;
}
