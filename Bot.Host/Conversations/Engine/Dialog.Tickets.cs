using System.Text.RegularExpressions;
using Bot.Handoff.Tickets;
using Bot.Host.Conversations.Replies;

namespace Bot.Host.Conversations.Engine;

internal sealed partial class Dialog
{
    /// <summary>
    /// "我的工单", or a ticket number typed in the chat: the progress of the tickets opened from this conversation.
    /// A number that belongs to another conversation is not shown.
    /// </summary>
    private async Task MyTicketsAsync(Turn turn, CancellationToken cancellationToken)
    {
        var numbers = TicketNumber().Matches(turn.Text).Select(m => m.Value).Concat(turn.State.Tickets).Distinct().ToList();
        var lines = new List<string>();
        foreach (var number in numbers)
        {
            if (await tickets.FindAsync(number, cancellationToken) is not { } ticket || ticket.ConversationId != turn.ConversationId) continue;
            lines.Add($"- **{ticket.Number}**（{ticket.Category.Label()}）：{ticket.Status.Label()}");
        }
        if (lines.Count == 0)
        {
            turn.Say(Reply.Message("在这个对话里没有查到您的工单。如需人工帮助，请说“转人工”，工作人员会为您登记并跟踪办理；" +
                "在其他地方登记的工单，请拨打 12345 查询。", [Reply.Button("转人工")]));
            return;
        }
        turn.Say(Reply.Message("您的工单进度：\n\n" + string.Join("\n", lines) + "\n\n办结后会请您评价（好差评），不满意的会重新办理。",
            [Reply.Button("重新开始")]));
        turn.State.LastAnswer = "tickets";
    }

    private static bool MentionsTicket(string text) => TicketNumber().IsMatch(text);

    [GeneratedRegex(@"GD-\d{8}-\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex TicketNumber();
}
