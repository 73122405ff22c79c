using Bot.Host.Conversations.Replies;
using Bot.Knowledge.Checklists;
using Bot.Knowledge.Items;

namespace Bot.Host.Conversations.Engine;

internal sealed partial class Dialog
{
    /// <summary>The one-time checklist for exactly this situation, as a card, a short text and a shareable page.</summary>
    private async Task ChecklistAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var subject = state.Subject!;
        var checklist = ChecklistBuilder.For(subject, Knowledge, state.Answers)!;
        var id = await store.SaveChecklistAsync(subject, state.Answers, cancellationToken);
        var url = site.Value.Link($"/checklists/{id}");
        var count = checklist.Shared.Count + checklist.Steps.Sum(s => s.Materials.Count);
        var lines = checklist.Shared.Select(s => $"- {Reply.Md(s.Name)}（{s.Material.Form.Label()}，共用）")
            .Concat(checklist.Steps.SelectMany(s => s.Materials.Select(m =>
                $"- {(checklist.IsBundle ? $"[{s.Order}] " : "")}{Reply.Md(m.Name)}（{m.Form.Label()}{(m.Copies > 1 ? $" {m.Copies}份" : "")}{(m.Required ? "" : "，如有")}）")));
        var extra = Knowledge.Items.TryGetValue(subject, out var item) ? $"\n\n{TimeLimitText(subject)}\n{FeeLine(item).TrimEnd('。')}。" : "";
        turn.Say(Reply.Message(
            $"根据您的情况，办理“{Reply.Md(checklist.SubjectName)}”共需准备{count}项材料：\n\n{string.Join("\n", lines)}{extra}\n\n完整清单（含审查要点和样表）可以打开或打印：{url}",
            [Reply.Link("打开 / 打印清单", url), Reply.Button("在哪办"), Reply.Button("网上办"), Reply.Button("上一步")],
            [ChecklistCard.Build(checklist, url)]));
        state.LastAnswer = $"checklist:{subject}:{id}";
        logger.ChecklistGiven(subject, count);
    }
}
