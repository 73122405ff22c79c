using Bot.Handoff.Handoffs;
using Bot.Handoff.Sla;
using Bot.Handoff.Staff;
using Bot.Handoff.Tickets;
using Bot.Host.Conversations.Replies;
using Bot.Knowledge.Places;
using Bot.Knowledge.Text;

namespace Bot.Host.Conversations.Engine;

internal sealed partial class Dialog
{
    /// <summary>
    /// While a specialist holds the conversation (or it waits in the queue) the bot stays out of it: the citizen's
    /// message goes to the console. Returns false when the bot should answer.
    /// </summary>
    private async Task<bool> RelayToHumanAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (await handoffs.GetActiveAsync(turn.ConversationId, cancellationToken) is not { } active) return false;
        if (active.Status == HandoffStatus.Queued && turn.Text is "取消人工" or "取消转人工" or "不用人工了")
        {
            await handoffs.FailAsync(active.Id, "citizen-cancelled", cancellationToken);
            turn.Say(Reply.Message("好的，已取消人工服务。您可以继续问我。", [Reply.Button("重新开始")]));
            return true;
        }
        await handoffs.RelayFromCitizenAsync(turn.ConversationId, turn.Text, cancellationToken);
        if (active.Status == HandoffStatus.Queued)
            turn.Say(Reply.Message("您的消息已转给帮办导办专员，专员接入后会看到并回复您，请稍候。", [Reply.Button("取消人工")]));
        return true;
    }

    /// <summary>
    /// Hands the conversation to a specialist with everything they need (reason, masked transcript, the bot's
    /// candidates, the situation answers, a callback number if the citizen gave one). Only when someone can take it:
    /// outside office hours, or when no specialist is at their console (在线), it says so honestly and opens a ticket
    /// instead, telling the citizen its number and by when a specialist will respond.
    /// </summary>
    private async Task HandOverAsync(Turn turn, string reason, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var candidates = state.Subject is not null ? [state.Subject, .. state.Candidates] : state.Candidates.ToList();
        var contact = PersonalData.FindPhone(turn.Text);
        state.Misses = 0;
        var why = reason == HandoffReasons.NotFoundRepeatedly ? "我几次都没能准确回答您，很抱歉。" : "";
        var officeHours = IsOfficeHours();
        if (officeHours && (await presence.OnlineSpecialistsAsync(cancellationToken)).Count > 0)
        {
            var handoff = await handoffs.InitiateAsync(new HandoffRequest(
                turn.ConversationId, turn.ChannelId, reason, state.Transcript, candidates, state.Answers, contact), cancellationToken);
            var waiting = (await handoffs.QueueAsync(cancellationToken)).Count;
            turn.Say(Reply.Message(
                $"{why}正在为您转接帮办导办专员，您前面还有{Math.Max(0, waiting - 1)}位，请稍候。专员接入后会在这里和您对话。" +
                (contact is null ? "如方便，可以留下手机号，万一断线我们会回电。" : ""),
                [Reply.Button("取消人工")]));
            state.LastAnswer = $"handoff:{handoff.Id}";
            logger.HandoffRequested(reason, waiting);
            return;
        }
        // Nobody can take over now: a ticket carries the request, its items, the callback number and the conversation.
        var situation = officeHours ? "没有人工客服在线" : "非工作时间";
        var ticket = await tickets.OpenAsync(new NewTicket(TicketCategory.Help,
            $"{situation}的人工服务请求（{HandoffReasons.Label(reason)}）。对话摘录：" +
            TranscriptLine.Excerpt(state.Transcript),
            candidates.Where(id => Knowledge.Items.ContainsKey(id)).ToList(), contact, turn.ChannelId, turn.ConversationId), Actor.System, cancellationToken);
        var callBy = deadlines.LocalDueAt(DeadlineKind.FirstResponse, TicketCategory.Help, time.GetUtcNow());
        var now = officeHours
            ? "帮办导办专员现在都不在线（可能正在窗口为群众办理），暂时无法转接。"
            : $"现在不是工作时间（{(CountyCentre() is { } centre ? HoursText(centre) : "")}），帮办导办专员暂时不在线。";
        turn.Say(Reply.Message(
            $"{why}{now}已为您登记工单，编号 **{ticket.Number}**，专员会在 {callBy:M月d日 HH:mm} 前处理并联系您。" +
            (contact is null ? "请留下手机号，方便我们回电；" : "我们会按您留下的电话回电；") +
            "您可以随时发“我的工单”查看进度，着急可拨打 12345 政务服务便民热线。",
            [Reply.Button("我的工单"), Reply.Button("重新开始")]));
        state.LastAnswer = $"ticket:{ticket.Number}";
        state.Tickets.Add(ticket.Number);
        logger.HandoffTicketOpened(reason, officeHours ? "no-specialist-online" : "outside-office-hours");
    }

    /// <summary>Office hours are the county service centre's: when nobody staffs the desk, no specialist can take over.</summary>
    private bool IsOfficeHours() => CountyCentre() is not { } centre || PlaceFinder.IsOpen(centre, LocalNow());

    private ServicePoint? CountyCentre() => Knowledge.ServicePoints.Values.FirstOrDefault(p => p.Kind == ServicePointKind.Center);

    private async Task NotHelpfulAsync(Turn turn, CancellationToken cancellationToken)
    {
        turn.Say(Reply.Message("抱歉没能帮到您。我把您转给帮办导办专员。"));
        await HandOverAsync(turn, HandoffReasons.AnswerNotHelpful, cancellationToken);
    }

    /// <summary>找茬: "有错误 …" with a description is stored at once; a bare "纠错" asks what is wrong first.</summary>
    private async Task StartErrorReportAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var note = text;
        foreach (var prefix in new[] { "纠错", "有错误", "信息不对", "找茬", "说错了", "信息有误", "报错", "内容有错" })
            if (note.StartsWith(prefix, StringComparison.Ordinal)) note = note[prefix.Length..].TrimStart('：', ':', '，', ',', ' ');
        if (note.Length >= 4)
        {
            await SaveErrorReportAsync(turn, note, cancellationToken);
            return;
        }
        turn.State.AwaitingErrorReport = true;
        turn.Say(Reply.Message("感谢您帮我们找错！请说说哪里不对（比如材料、地址、时间写错了），我会转给知识库管理员核实更正。"));
    }

    private async Task SaveErrorReportAsync(Turn turn, string note, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.AwaitingErrorReport = false;
        await store.AddErrorReportAsync(turn.ConversationId, state.Subject, state.LastAnswer, PersonalData.Mask(note), cancellationToken);
        turn.Say(Reply.Message("已记录，谢谢您！管理员核实后会更正。还有什么要办的吗？", FollowUpButtonsOrStart(state.Subject)));
        logger.ErrorReported(state.Subject);
    }

    private static IEnumerable<Activities.CardAction> FollowUpButtonsOrStart(string? subject) =>
        subject is null ? [Reply.Button("我想开个小饭馆"), Reply.Button("转人工")] : FollowUpButtons();
}
