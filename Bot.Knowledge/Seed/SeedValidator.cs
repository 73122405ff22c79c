using Bot.Knowledge.Bundles;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;

namespace Bot.Knowledge.Seed;

/// <summary>Cross-checks the parsed seed: ids are unique, every reference resolves, every material and question can be reached.</summary>
internal sealed class SeedValidator(KnowledgeSeed seed, SeedProblems problems, SeedLocations locations)
{
    // First definition wins; later duplicates are reported by Unique and otherwise ignored.
    private readonly Dictionary<string, ServiceItem> _items = FirstById(seed.Items, i => i.Id);
    private readonly Dictionary<string, ServicePoint> _points = FirstById(seed.ServicePoints, p => p.Id);

    private static Dictionary<string, T> FirstById<T>(IEnumerable<T> elements, Func<T, string> id) =>
        elements.GroupBy(id).ToDictionary(g => g.Key, g => g.First());

    public void Validate()
    {
        Unique(seed.Departments, d => d.Id, "department");
        Unique(seed.ServicePoints, p => p.Id, "service point");
        Unique(seed.Items, i => i.Id, "item");
        Unique(seed.Bundles, b => b.Id, "bundle");
        var departments = seed.Departments.Select(d => d.Id).ToHashSet();
        foreach (var point in seed.ServicePoints)
        {
            Unique(point.Windows, w => w.Id, $"window of {point.Id}");
            foreach (var window in point.Windows)
                foreach (var department in window.Departments.Where(d => !departments.Contains(d)))
                    Report(window, $"window {point.Id}/{window.Id} names unknown department '{department}'");
        }
        foreach (var item in seed.Items) ValidateItem(item, departments);
        foreach (var bundle in seed.Bundles) ValidateBundle(bundle);
    }

    private void ValidateItem(ServiceItem item, HashSet<string> departments)
    {
        if (!departments.Contains(item.DepartmentId)) Report(item, $"item {item.Id} names unknown department '{item.DepartmentId}'");
        Unique(item.Materials, m => m.Id, $"material of {item.Id}");
        Unique(item.Situations, s => s.Id, $"question of {item.Id}");
        var materials = item.Materials.Select(m => m.Id).ToHashSet();
        var reached = item.Materials.Where(m => m.Always).Select(m => m.Id).ToHashSet();
        var reachable = new Dictionary<string, Situation>();
        foreach (var question in item.Situations)
        {
            Unique(question.Options, o => o.Id, $"option of {item.Id}/{question.Id}");
            if (question.Options.Count < 2) Report(question, $"question {item.Id}/{question.Id} needs at least two options");
            foreach (var option in question.Options)
                foreach (var material in option.Materials.Where(m => !materials.Contains(m)))
                    Report(option, $"option {question.Id}/{option.Id} adds unknown material '{material}'");
            if (!IsReachable(item, question, reachable)) continue;
            reachable.TryAdd(question.Id, question);
            reached.UnionWith(question.Options.SelectMany(o => o.Materials));
        }
        foreach (var material in item.Materials.Where(m => !reached.Contains(m.Id)))
            Report(material, $"material '{material.Id}' of {item.Id} is not 'always' and no option reaches it");
        ValidatePlaces(item.ServicePoints);
    }

    private bool IsReachable(ServiceItem item, Situation question, Dictionary<string, Situation> reachable)
    {
        if (question.When is not { } when) return true;
        if (reachable.TryGetValue(when.Question, out var earlier))
        {
            if (earlier.Options.Any(o => o.Id == when.Option)) return true;
            Report(when, $"question {item.Id}/{question.Id} depends on unknown option '{when.Option}' of '{when.Question}'");
            return false;
        }
        var exists = item.Situations.Any(s => s.Id == when.Question);
        Report(when, exists
            ? $"question {item.Id}/{question.Id} cannot be reached: it depends on '{when.Question}', which is itself, later, or unreachable"
            : $"question {item.Id}/{question.Id} depends on unknown question '{when.Question}'");
        return false;
    }

    private void ValidateBundle(Bundle bundle)
    {
        var items = _items;
        var steps = bundle.Steps.Select(s => s.ItemId).ToHashSet();
        Unique(bundle.Steps, s => s.ItemId, $"step of {bundle.Id}");
        foreach (var step in bundle.Steps.Where(s => !items.ContainsKey(s.ItemId)))
            Report(step, $"bundle {bundle.Id} names unknown item '{step.ItemId}'");
        foreach (var shared in bundle.SharedMaterials)
            foreach (var reference in shared.Refs)
            {
                if (!steps.Contains(reference.ItemId))
                    Report(shared, $"shared material '{shared.Name}' refers to {reference.ItemId}, which is not a step of {bundle.Id}");
                else if (items.TryGetValue(reference.ItemId, out var item) && item.Materials.All(m => m.Id != reference.MaterialId))
                    Report(shared, $"shared material '{shared.Name}' refers to unknown material {reference.ItemId}/{reference.MaterialId}");
            }
        ValidatePlaces(bundle.ServicePoints);
    }

    private void ValidatePlaces(IReadOnlyList<PlaceRef> places)
    {
        var points = _points;
        foreach (var place in places)
        {
            if (!points.TryGetValue(place.PointId, out var point))
            {
                Report(place, $"unknown service point '{place.PointId}'");
                continue;
            }
            foreach (var window in place.Windows.Where(w => point.Windows.All(x => x.Id != w)))
                Report(place, $"window '{window}' does not exist at {point.Id}");
            if (point.Kind != ServicePointKind.Kiosk && place.Windows.Count == 0)
                Report(place, $"name the window(s) of {point.Id} that handle it");
        }
    }

    private void Unique<T>(IEnumerable<T> elements, Func<T, string> id, string what) where T : notnull
    {
        foreach (var group in elements.GroupBy(id).Where(g => g.Count() > 1))
            foreach (var duplicate in group.Skip(1))
            {
                var (file, line) = locations.Of(group.First());
                Report(duplicate, $"duplicate {what} id '{group.Key}' (first defined at {file}:{line})");
            }
    }

    private void Report(object element, string message)
    {
        var (file, line) = locations.Of(element);
        problems.Add(file, line, message);
    }
}
