using Bot.Handoff.Handoffs;
using Bot.Host.Conversations.Replies;
using Bot.Knowledge.Search;

namespace Bot.Host.Conversations.Engine;

internal sealed partial class Dialog
{
    /// <summary>A new request: retrieval decides answer, clarify or none.</summary>
    private async Task RequestAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var result = await search.SearchAsync(turn.Text, 5, cancellationToken);
        var top = result.Hits.Count > 0 ? result.Hits[0] : null;
        logger.TurnSearched(result.Decision, top?.Id, top?.Score ?? 0);
        state.MissedQueryId = await missed.RecordAsync(turn.ChannelId, turn.Text, result, cancellationToken);
        switch (result.Decision)
        {
            case SearchDecision.Answer:
                Open(turn, result.Hits[0], preAnswerFrom: turn.Text);
                return;
            case SearchDecision.Clarify:
                state.Misses = 0;
                state.Candidates = result.Hits.Take(3).Select(h => h.Id).ToList();
                var names = state.Candidates.Select(DisplayName).ToList();
                turn.Say(Reply.Message(
                    $"您是想办{string.Join("，还是", names.Select(n => $"“{Reply.Md(n)}”"))}？请点选一个。",
                    names.Select(n => Reply.Button(n)).Append(Reply.Button("都不是"))));
                state.LastAnswer = "clarify";
                return;
            default:
                await NotFoundAsync(turn, result, cancellationToken);
                return;
        }
    }

    private async Task NotFoundAsync(Turn turn, SearchResult result, CancellationToken cancellationToken)
    {
        var state = turn.State;
        state.Misses++;
        state.Candidates = result.Hits.Where(h => h.Score > 0.2).Take(2).Select(h => h.Id).ToList();
        if (state.PendingQuestion is not null)
        {
            AskPending(turn, prefix: "抱歉，我没听懂您的回答。");
            return;
        }
        if (state.Misses >= Options.MissesBeforeHandoff)
        {
            await HandOverAsync(turn, HandoffReasons.NotFoundRepeatedly, cancellationToken);
            return;
        }
        var english = !CitizenText.HasChinese(turn.Text) ? "\n\n(Sorry, I can only help in Chinese for now. 请用中文描述您要办的事。)" : "";
        var suggestions = state.Candidates.Select(DisplayName).ToList();
        var text = suggestions.Count > 0
            ? $"抱歉，我没有找到和您说的完全对应的事项。您看是不是这些：{string.Join("、", suggestions.Select(s => $"“{Reply.Md(s)}”"))}？也可以换个说法，或者转人工。"
            : "抱歉，这件事不在我能解答的政务服务事项里，我不想给您不准确的答复。您可以换个说法再问，或者转给帮办导办专员。";
        turn.Say(Reply.Message(text + english, suggestions.Select(s => Reply.Button(s)).Append(Reply.Button("转人工"))));
        state.LastAnswer = "none";
    }

    /// <summary>A click on (or the name of) one of the candidates just offered.</summary>
    private async Task<bool> TrySelectCandidateAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (state.Candidates.Count == 0) return false;
        if (turn.Text is "都不是" or "都不对")
        {
            state.Candidates.Clear();
            turn.Say(Reply.Message("好的。请换个说法描述一下您要办的事，或者转给人工帮您。", [Reply.Button("转人工")]));
            return true;
        }
        var chosen = state.Candidates.FirstOrDefault(id => turn.Text == DisplayName(id) || turn.Text == id
            || (Knowledge.Items.TryGetValue(id, out var item) && (turn.Text == item.Name || turn.Text == item.Title))
            || (Knowledge.Bundles.TryGetValue(id, out var bundle) && (turn.Text == bundle.Name || turn.Text == bundle.Title)));
        if (chosen is null || Hit(chosen) is not { } hit) return false;
        if (state.MissedQueryId is { } missedId) await missed.ResolveAsync(missedId, chosen, cancellationToken);
        state.MissedQueryId = null;
        Open(turn, hit, preAnswerFrom: null);
        return true;
    }

    private void OpenDoorplate(Turn turn, string id)
    {
        if (Hit(id) is { } hit)
        {
            Open(turn, hit, preAnswerFrom: null);
            return;
        }
        if (Knowledge.ServicePoints.TryGetValue(id, out var point))
        {
            turn.State.Township = point.Township;
            var items = Knowledge.ItemsHandledAt(id).Take(6).Select(i => Knowledge.Items[i].Name).ToList();
            turn.Say(Reply.Message(
                $"欢迎来到**{Reply.Md(point.Name)}**。{Reply.Md(point.Address)}\n\n{Reply.Md(HoursText(point))}\n\n" +
                (items.Count > 0 ? $"这里可以办理：{string.Join("、", items.Select(Reply.Md))}等。" : "") + "请说说您要办什么事。",
                items.Take(4).Select(i => Reply.Button(i)).Append(Reply.Button("转人工"))));
            return;
        }
        Greet(turn);
    }

    /// <summary>Makes <paramref name="hit"/> the subject of the conversation and introduces it.</summary>
    private void Open(Turn turn, SearchHit hit, string? preAnswerFrom)
    {
        var state = turn.State;
        if (state.Subject != hit.Id)
        {
            state.Answers.Clear();
            state.AnswerOrder.Clear();
        }
        state.Subject = hit.Id;
        state.PendingQuestion = null;
        state.Candidates.Clear();
        state.Misses = 0;
        var preAnswered = preAnswerFrom is null ? 0 : PreAnswer(state, preAnswerFrom);
        var options = new[] { "材料清单", "在哪办", "网上办", "常见问题" }.Select(o => Reply.Button(o));
        if (hit.Kind == SearchDocumentKind.Bundle)
        {
            var bundle = Knowledge.Bundles[hit.Id];
            var steps = string.Join("\n", bundle.Steps.Select((s, i) => $"{i + 1}. {Reply.Md(Knowledge.Items[s.ItemId].Name)}{(s.Note is null ? "" : $"：{Reply.Md(s.Note)}")}"));
            turn.Say(Reply.Message($"这是“**{Reply.Md(bundle.Name)}**”，{Reply.Md(bundle.Summary)}\n\n按这个顺序办：\n{steps}\n\n我可以把几个事项要问的情况一次问清，给您一份合并的材料清单，共用的材料只带一份。", options));
        }
        else
        {
            var item = Knowledge.Items[hit.Id];
            var department = Knowledge.Departments.TryGetValue(item.DepartmentId, out var d) ? d.Name : item.DepartmentId;
            var known = preAnswered > 0 ? $"\n\n根据您说的情况，我已记下{preAnswered}项。" : "";
            turn.Say(Reply.Message($"您要办的是“**{Reply.Md(item.Name)}**”（{Reply.Md(department)}）：{Reply.Md(item.Summary)}{known}\n\n需要我告诉您什么？", options));
        }
        state.LastAnswer = $"intro:{hit.Id}";
    }

    private string DisplayName(string id) =>
        Knowledge.Items.TryGetValue(id, out var item) ? item.Name : Knowledge.Bundles.TryGetValue(id, out var bundle) ? bundle.Name : id;

    /// <summary>The items whose questions belong to the current subject (one, or a bundle's steps in order).</summary>
    private IReadOnlyList<Bot.Knowledge.Items.ServiceItem> SubjectItems(string subject) =>
        Knowledge.Bundles.TryGetValue(subject, out var bundle)
            ? bundle.Steps.Select(s => Knowledge.Items[s.ItemId]).ToList()
            : Knowledge.Items.TryGetValue(subject, out var item) ? [item] : [];
}
