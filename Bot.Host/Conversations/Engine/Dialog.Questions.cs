using Bot.Host.Conversations.Replies;
using Bot.Host.Conversations.State;
using Bot.Knowledge.Checklists;
using Bot.Knowledge.Items;

namespace Bot.Host.Conversations.Engine;

internal sealed partial class Dialog
{
    /// <summary>
    /// Answers questions the citizen already answered in passing ("我是外地户口，孩子刚出生" answers the 户籍
    /// question): an option whose label fragment appears in the text, not negated, and the only such option.
    /// </summary>
    private int PreAnswer(ConversationState state, string text)
    {
        var count = 0;
        foreach (var item in SubjectItems(state.Subject!))
        {
            Situation? question;
            var seen = new HashSet<string>();
            while ((question = Questionnaire.Next(item, state.Answers)) is not null && seen.Add(question.Id))
            {
                var matches = question.Options.Where(o => Mentions(text, o.Label)).ToList();
                if (matches.Count != 1) break;
                Record(state, item.Id, question.Id, matches[0].Id);
                count++;
            }
        }
        return count;
    }

    /// <summary>True when a meaningful fragment of an option label (split at punctuation, two characters or more) appears un-negated in the text.</summary>
    private static bool Mentions(string text, string label)
    {
        var fragments = label.Split(['（', '）', '(', ')', '，', ',', '、', '/', '；', ';', '：', ':', ' ', '或'], StringSplitOptions.RemoveEmptyEntries)
            .Where(f => f.Length >= 2 && f is not "本人" and not "其他" and not "其它" and not "以上");
        foreach (var fragment in fragments)
        {
            var at = text.IndexOf(fragment, StringComparison.Ordinal);
            if (at < 0) continue;
            var before = at > 0 ? text[at - 1] : ' ';
            if (before is '不' or '没' or '非' or '无' or '未') continue;
            return true;
        }
        return false;
    }

    private static void Record(ConversationState state, string itemId, string questionId, string optionId)
    {
        var key = AnswerKey.Of(itemId, questionId);
        state.Answers[key] = optionId;
        state.AnswerOrder.Remove(key);
        state.AnswerOrder.Add(key);
    }

    /// <summary>Understands the reply to the pending question: a button, its number, yes/no, or words of an option.</summary>
    private async Task<bool> TryAnswerAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (Pending(state) is not { } pending) return false;
        var (item, question) = pending;
        var text = turn.Text;
        var option = question.Options.FirstOrDefault(o => o.Label == text || o.Id == text)
            ?? (int.TryParse(text, out var n) && n >= 1 && n <= question.Options.Count ? question.Options[n - 1] : null)
            ?? YesNoOption(question, text)
            ?? Single(question.Options.Where(o => Mentions(text, o.Label)).ToList())
            ?? Closest(question, text);
        if (option is null) return false;
        Record(state, item.Id, question.Id, option.Id);
        state.PendingQuestion = null;
        if (option.Note is { } note) turn.Say(Reply.Message($"提示：{Reply.Md(note)}"));
        await NextQuestionOrChecklistAsync(turn, cancellationToken);
        return true;
    }

    /// <summary>
    /// The option whose label shares most with the text ("在医院生的，有出生证明" → "在国内医院出生，有出生医学证明"),
    /// when it is clearly ahead; a label that negates what the text affirms (or the reverse) counts less.
    /// </summary>
    private static SituationOption? Closest(Situation question, string text)
    {
        var negated = Negates(text);
        var ranked = question.Options
            .Select(o => (Option: o, Score: CitizenText.Similarity(text, o.Label) - (Negates(o.Label) != negated ? 0.15 : 0)))
            .OrderByDescending(x => x.Score)
            .ToList();
        return ranked[0].Score >= 0.3 && (ranked.Count == 1 || ranked[0].Score - ranked[1].Score >= 0.1) ? ranked[0].Option : null;
    }

    private static bool Negates(string text) => text.IndexOfAny(['没', '不', '未', '无', '非', '否']) >= 0;

    private static SituationOption? Single(List<SituationOption> options) => options.Count == 1 ? options[0] : null;

    private static SituationOption? YesNoOption(Situation question, string text) => Phrases.YesNo(text) switch
    {
        true => Single(question.Options.Where(o => Phrases.LooksYes(o.Label)).ToList()),
        false => Single(question.Options.Where(o => Phrases.LooksNo(o.Label)).ToList()),
        _ => null,
    };

    private (ServiceItem Item, Situation Question)? Pending(ConversationState state)
    {
        if (state.PendingQuestion?.Split('/') is not [var itemId, var questionId] || !Knowledge.Items.TryGetValue(itemId, out var item)) return null;
        var question = item.Situations.FirstOrDefault(q => q.Id == questionId);
        return question is null ? null : (item, question);
    }

    /// <summary>Asks the next unanswered question of the subject's items, or gives the checklist when none is left.</summary>
    private async Task NextQuestionOrChecklistAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        foreach (var item in SubjectItems(state.Subject!))
        {
            if (Questionnaire.Next(item, state.Answers) is { } question)
            {
                state.PendingQuestion = AnswerKey.Of(item.Id, question.Id);
                AskPending(turn, prefix: null);
                return;
            }
        }
        state.PendingQuestion = null;
        await ChecklistAsync(turn, cancellationToken);
    }

    private void AskPending(Turn turn, string? prefix)
    {
        var state = turn.State;
        if (Pending(state) is not { } pending) return;
        var (item, question) = pending;
        var items = SubjectItems(state.Subject!);
        var remaining = items.Sum(i => Questionnaire.Applicable(i, state.Answers).Count(q => !state.Answers.ContainsKey(AnswerKey.Of(i.Id, q.Id))));
        var about = items.Count > 1 ? $"（{Reply.Md(item.Name)}）" : "";
        var buttons = question.Options.Select(o => Reply.Button(o.Label)).ToList();
        if (state.AnswerOrder.Count > 0) buttons.Add(Reply.Button("上一步"));
        buttons.Add(Reply.Button("重新开始"));
        turn.Say(Reply.Message($"{prefix}{about}{Reply.Md(question.Text)}" + (remaining > 1 ? $"\n\n（还需了解{remaining}个情况）" : ""), buttons));
        state.LastAnswer = $"question:{state.PendingQuestion}";
    }

    private void Back(Turn turn)
    {
        var state = turn.State;
        if (state.Subject is null || state.AnswerOrder.Count == 0)
        {
            turn.Say(Reply.Message("已经是第一步了。请说说您要办什么事，或点“材料清单”开始。"));
            return;
        }
        var last = state.AnswerOrder[^1];
        state.AnswerOrder.RemoveAt(state.AnswerOrder.Count - 1);
        state.Answers.Remove(last);
        state.PendingQuestion = last;
        AskPending(turn, prefix: "好的，回到上一步。");
    }

}
