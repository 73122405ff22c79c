using Bot.Knowledge.Text;
using Bot.Host.Conversations.Replies;

namespace Bot.Host.Conversations.Engine;

internal sealed partial class Dialog
{
    /// <summary>
    /// Records a request for a human with everything a specialist needs (reason, masked transcript, the bot's
    /// candidates, the situation answers) and tells the citizen honestly what happens next.
    /// </summary>
    private async Task HandOverAsync(Turn turn, string reason, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var candidates = state.Subject is not null ? [state.Subject, .. state.Candidates] : state.Candidates.ToList();
        var number = await store.AddHandoffRequestAsync(turn.ConversationId, turn.ChannelId, reason, new
        {
            transcript = state.Transcript,
            candidates,
            answers = state.Answers,
            township = state.Township,
        }, cancellationToken);
        state.Misses = 0;
        var why = reason == "not-found-repeatedly" ? "我几次都没能准确回答您，很抱歉。" : "";
        turn.Say(Reply.Message(
            $"{why}已为您登记人工服务请求，编号 **{number}**。帮办导办专员会在工作时间（周一至周五 08:30-12:00、14:30-18:00）通过本对话联系您；" +
            "如方便，可以留下联系电话，我们会回电。着急的话也可以拨打 12345 政务服务便民热线。",
            [Reply.Button("继续问问题"), Reply.Button("重新开始")]));
        state.LastAnswer = $"handoff:{number}";
        logger.HandoffRecorded(number, reason);
    }

    private async Task NotHelpfulAsync(Turn turn, CancellationToken cancellationToken)
    {
        turn.Say(Reply.Message("抱歉没能帮到您。我把您转给帮办导办专员。"));
        await HandOverAsync(turn, "answer-not-helpful", cancellationToken);
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
