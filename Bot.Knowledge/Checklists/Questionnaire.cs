using Bot.Knowledge.Items;

namespace Bot.Knowledge.Checklists;

/// <summary>
/// Which situation questions of an item apply given the answers so far, which one to ask next, and which
/// materials the answers select. Questions are asked in seed order; a question with <c>when</c> applies only
/// after that answer.
/// </summary>
public static class Questionnaire
{
    /// <summary>The questions that apply to these answers, in order.</summary>
    public static IReadOnlyList<Situation> Applicable(ServiceItem item, IReadOnlyDictionary<string, string> answers)
    {
        var applicable = new List<Situation>();
        foreach (var question in item.Situations)
        {
            if (question.When is { } when
                && !(applicable.Any(q => q.Id == when.Question) && answers.TryGetValue(AnswerKey.Of(item.Id, when.Question), out var chosen) && chosen == when.Option))
                continue;
            applicable.Add(question);
        }
        return applicable;
    }

    /// <summary>The next applicable question without an answer, or null when the checklist can be given.</summary>
    public static Situation? Next(ServiceItem item, IReadOnlyDictionary<string, string> answers) =>
        Applicable(item, answers).FirstOrDefault(q => !answers.ContainsKey(AnswerKey.Of(item.Id, q.Id)));

    /// <summary>The chosen option of each applicable, answered question.</summary>
    public static IReadOnlyList<(Situation Question, SituationOption Option)> Chosen(ServiceItem item, IReadOnlyDictionary<string, string> answers) =>
        Applicable(item, answers)
            .Select(q => (q, answers.TryGetValue(AnswerKey.Of(item.Id, q.Id), out var o) ? q.Options.FirstOrDefault(x => x.Id == o) : null))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.q, x.Item2!))
            .ToList();

    /// <summary>The materials for exactly this situation: those everyone needs, then those the answers add, each once.</summary>
    public static IReadOnlyList<Material> Materials(ServiceItem item, IReadOnlyDictionary<string, string> answers)
    {
        var selected = item.Materials.Where(m => m.Always).Select(m => m.Id).ToHashSet();
        foreach (var (_, option) in Chosen(item, answers)) selected.UnionWith(option.Materials);
        return item.Materials.Where(m => selected.Contains(m.Id)).ToList();
    }
}
