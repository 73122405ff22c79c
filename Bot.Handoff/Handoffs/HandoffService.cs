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
    Sla.DeadlinePolicy policy,
    HandoffMetrics metrics,
    NotificationRelay notify,
    ILogger<HandoffService> logger) : IHandoffService
{
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
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.QueueChanged, handoff.Id.ToString(), StaffNotice.Desk,
            $"新的转人工请求（{HandoffReasons.Label(handoff.Reason)}）"), cancellationToken);
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
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.HandoffAccepted, handoff.Id.ToString(), StaffNotice.Desk, $"转人工请求已由 {specialist.Id}（工号{employeeNumber}）接入"),
            cancellationToken);
        return handoff;
    }

    public async Task<LiveHandoff?> SendToCitizenAsync(Guid handoffId, Actor specialist, string text, CancellationToken cancellationToken)
    {
        var handoff = await FindAsync(handoffId, cancellationToken);
        if (handoff is null) return null;
        if (handoff.Status != HandoffStatus.Accepted || handoff.SpecialistId != specialist.Id)
            throw new HandoffRuleException("只有接入该对话的专员可以在对话进行中给市民发消息。");
        if (string.IsNullOrWhiteSpace(text)) throw new HandoffRuleException("消息内容不能为空。");
        var employeeNumber = await EmployeeNumberAsync(specialist, cancellationToken);
        db.HandoffMessages.Add(HandoffMessage.FromSpecialist(handoff.Id, specialist.Id, text.Trim(), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await notify.CitizenAsync(new CitizenNotice(handoff.ChannelId, handoff.ConversationId, CitizenNoticeKind.SpecialistMessage, text.Trim(),
            SpecialistEmployeeNumber: employeeNumber), cancellationToken);
        return handoff;
    }

    public async Task RelayFromCitizenAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        if (await GetActiveAsync(conversationId, cancellationToken) is not { } handoff) return;
        var masked = PersonalData.Mask(text);
        db.HandoffMessages.Add(HandoffMessage.FromCitizen(handoff.Id, masked, time.GetUtcNow()));
        // A callback number written while waiting or chatting is kept like one given with 转人工.
        if (handoff.MaskedContact is null && PersonalData.FindPhone(text) is { } phone)
        {
            db.Attach(handoff);
            handoff.RecordContact(PersonalData.MaskContact(phone));
            db.Contacts.Add(new ContactRow { OwnerId = handoff.Id, Contact = phone });
        }
        await db.SaveChangesAsync(cancellationToken);
        string[] audience = handoff.SpecialistId is { } holder ? [$"user:{holder}"] : StaffNotice.Desk;
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.CitizenMessage, handoff.Id.ToString(), audience, masked), cancellationToken);
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
        if (handoff.TicketNumber is { } existing) throw new HandoffRuleException($"该对话已转为工单 {existing}。");
        var contact = await db.Contacts.Where(c => c.OwnerId == handoffId).Select(c => c.Contact).SingleOrDefaultAsync(cancellationToken);
        var ticket = await tickets.OpenAsync(new NewTicket(category, description, handoff.CandidateItemIds, contact,
            handoff.ChannelId, handoff.ConversationId, handoff.Id), actor, cancellationToken);
        handoff.LinkTicket(ticket.Number);
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    public async Task<IReadOnlyList<HandoffMessage>> MessagesAsync(Guid handoffId, CancellationToken cancellationToken) =>
        await db.HandoffMessages.AsNoTracking().Where(m => m.HandoffId == handoffId).OrderBy(m => m.AtTicks).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<LiveHandoff>> HeldByAsync(string specialistId, CancellationToken cancellationToken)
    {
        var held = await db.Handoffs.AsNoTracking()
            .Where(h => h.SpecialistId == specialistId && h.Status == HandoffStatus.Accepted).ToListAsync(cancellationToken);
        return held.OrderBy(h => h.AcceptedAt).ToList();
    }

    public async Task<Ticket?> ExpireAsync(Guid handoffId, CancellationToken cancellationToken)
    {
        var handoff = await db.Handoffs.SingleOrDefaultAsync(h => h.Id == handoffId, cancellationToken);
        if (handoff is not { Status: HandoffStatus.Queued }) return null;
        var now = time.GetUtcNow();
        handoff.Fail(now, "queue-timeout");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null; // accepted, cancelled or expired by another host at the same moment
        }
        metrics.LeftQueue(null);
        logger.HandoffEnded(handoff.Id, handoff.Status.ToString());
        var contact = await db.Contacts.Where(c => c.OwnerId == handoffId).Select(c => c.Contact).SingleOrDefaultAsync(cancellationToken);
        var waited = (int)Math.Round((now - handoff.RequestedAt).TotalMinutes);
        var ticket = await tickets.OpenAsync(new NewTicket(TicketCategory.Help,
            $"转人工排队 {waited} 分钟无专员接入（{HandoffReasons.Label(handoff.Reason)}），自动登记工单。对话摘录：{TranscriptLine.Excerpt(handoff.TranscriptExcerpt)}",
            handoff.CandidateItemIds, contact, handoff.ChannelId, handoff.ConversationId, handoff.Id), Actor.System, cancellationToken);
        handoff.LinkTicket(ticket.Number);
        await db.SaveChangesAsync(cancellationToken);
        var callBy = policy.LocalDueAt(Sla.DeadlineKind.FirstResponse, TicketCategory.Help, now);
        await notify.CitizenAsync(new CitizenNotice(handoff.ChannelId, handoff.ConversationId, CitizenNoticeKind.HandoffEnded,
            $"抱歉让您久等了，帮办导办专员暂时无法接入。已为您登记工单 {ticket.Number}，专员会在 {callBy:M月d日 HH:mm} 前" +
            (contact is null ? "处理，请留下手机号方便回电；" : "按您留下的电话联系您；") + "您可以随时发“我的工单”查看进度。智能助手继续为您服务。",
            ticket.Number), cancellationToken);
        await notify.StaffAsync(new StaffNotice(StaffNoticeKind.QueueChanged, handoff.Id.ToString(), StaffNotice.Desk,
            $"转人工请求排队超时，已自动登记工单 {ticket.Number}"), cancellationToken);
        return ticket;
    }

    private async Task<string> EmployeeNumberAsync(Actor specialist, CancellationToken cancellationToken) =>
        await db.Staff.Where(s => s.UserName == specialist.Id).Select(s => s.EmployeeNumber).SingleOrDefaultAsync(cancellationToken) ?? specialist.Id;
}
