using Bot.Knowledge.Bundles;
using Bot.Knowledge.Departments;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;

namespace Bot.Knowledge.Catalog;

/// <summary>An immutable view of the whole knowledge base, rebuilt from the store; safe to share across requests.</summary>
public sealed class KnowledgeSnapshot
{
    public KnowledgeSnapshot(IEnumerable<Department> departments, IEnumerable<ServicePoint> servicePoints,
        IEnumerable<ServiceItem> items, IEnumerable<Bundle> bundles)
    {
        Departments = departments.ToDictionary(d => d.Id);
        ServicePoints = servicePoints.ToDictionary(p => p.Id);
        Items = items.OrderBy(i => i.Id, StringComparer.Ordinal).ToDictionary(i => i.Id);
        Bundles = bundles.OrderBy(b => b.Id, StringComparer.Ordinal).ToDictionary(b => b.Id);
        ItemsAtPoint = Items.Values
            .SelectMany(item => item.ServicePoints.Select(place => (place.PointId, item.Id)))
            .GroupBy(x => x.PointId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Id).Distinct().ToList());
    }

    public IReadOnlyDictionary<string, Department> Departments { get; }
    public IReadOnlyDictionary<string, ServicePoint> ServicePoints { get; }
    public IReadOnlyDictionary<string, ServiceItem> Items { get; }
    public IReadOnlyDictionary<string, Bundle> Bundles { get; }

    /// <summary>Which items each service point handles, derived from the items so that it is written once.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ItemsAtPoint { get; }

    public IReadOnlyList<string> ItemsHandledAt(string pointId) => ItemsAtPoint.TryGetValue(pointId, out var ids) ? ids : [];
}
