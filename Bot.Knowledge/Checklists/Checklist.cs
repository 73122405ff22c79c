using Bot.Knowledge.Bundles;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Items;

namespace Bot.Knowledge.Checklists;

/// <summary>A one-time material checklist (一次性告知) for one item or bundle and one citizen's situation.</summary>
public sealed record Checklist(
    string SubjectId,
    string SubjectName,
    bool IsBundle,
    IReadOnlyList<ChecklistSituation> Situation,
    IReadOnlyList<ChecklistSharedMaterial> Shared,
    IReadOnlyList<ChecklistStep> Steps);

/// <summary>One answer the checklist rests on ("户口在哪里？— 外地户口").</summary>
public sealed record ChecklistSituation(string Question, string Answer);

/// <summary>A material that several steps of a bundle use: bring it once.</summary>
public sealed record ChecklistSharedMaterial(string Name, Material Material, IReadOnlyList<string> UsedBy);

/// <summary>One item's part of the checklist (a bundle has several, in the order to do them).</summary>
public sealed record ChecklistStep(int Order, ServiceItem Item, string? Note, IReadOnlyList<Material> Materials);

/// <summary>Builds checklists from the knowledge snapshot and the answers.</summary>
public static class ChecklistBuilder
{
    /// <summary>The checklist of an item or bundle id, or null when the id is unknown.</summary>
    public static Checklist? For(string subjectId, KnowledgeSnapshot knowledge, IReadOnlyDictionary<string, string> answers) =>
        knowledge.Bundles.TryGetValue(subjectId, out var bundle) ? ForBundle(bundle, knowledge, answers)
        : knowledge.Items.TryGetValue(subjectId, out var item) ? ForItem(item, answers)
        : null;

    public static Checklist ForItem(ServiceItem item, IReadOnlyDictionary<string, string> answers) => new(
        item.Id, item.Name, IsBundle: false, Situation(item, answers), [],
        [new ChecklistStep(1, item, null, Questionnaire.Materials(item, answers))]);

    /// <summary>A bundle's checklist: shared materials listed once on top, then each step without them.</summary>
    public static Checklist ForBundle(Bundle bundle, KnowledgeSnapshot knowledge, IReadOnlyDictionary<string, string> answers)
    {
        var items = bundle.Steps.Select(s => knowledge.Items[s.ItemId]).ToList();
        var needed = items.ToDictionary(i => i.Id, i => Questionnaire.Materials(i, answers));
        var shared = new List<ChecklistSharedMaterial>();
        var covered = new HashSet<(string Item, string Material)>();
        foreach (var material in bundle.SharedMaterials)
        {
            var used = material.Refs.Where(r => needed.TryGetValue(r.ItemId, out var list) && list.Any(m => m.Id == r.MaterialId)).ToList();
            if (used.Count < 2) continue; // only one step needs it in this situation: it stays with that step
            var first = needed[used[0].ItemId].First(m => m.Id == used[0].MaterialId);
            shared.Add(new ChecklistSharedMaterial(material.Name, first, used.Select(r => knowledge.Items[r.ItemId].Name).ToList()));
            covered.UnionWith(used.Select(r => (r.ItemId, r.MaterialId)));
        }
        var steps = bundle.Steps.Select((step, i) => new ChecklistStep(i + 1, knowledge.Items[step.ItemId], step.Note,
            needed[step.ItemId].Where(m => !covered.Contains((step.ItemId, m.Id))).ToList())).ToList();
        return new Checklist(bundle.Id, bundle.Name, IsBundle: true, items.SelectMany(i => Situation(i, answers)).ToList(), shared, steps);
    }

    private static List<ChecklistSituation> Situation(ServiceItem item, IReadOnlyDictionary<string, string> answers) =>
        Questionnaire.Chosen(item, answers).Select(x => new ChecklistSituation(x.Question.Text, x.Option.Label)).ToList();
}
