using Bot.Knowledge.Bundles;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;

namespace Bot.Host.Items;

/// <summary>One line of the catalogue listing.</summary>
public sealed record ItemSummary(string Id, string Kind, string Name, string Title, DepartmentRef? Department);

public sealed record DepartmentRef(string Id, string Name, string FullName, string? Phone);

/// <summary>Everything published about an item or bundle: the guide a window clerk would hand over.</summary>
public sealed record ItemDetail(
    string Id,
    string Kind,
    string Name,
    string Title,
    string Summary,
    DepartmentRef? Department,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> LegalBasis,
    TimeLimit? TimeLimit,
    Fee? Fee,
    int? MaxVisits,
    IReadOnlyList<MaterialDetail> Materials,
    IReadOnlyList<Situation> Situations,
    IReadOnlyList<Faq> Faqs,
    IReadOnlyList<string> Tips,
    IReadOnlyList<OnlineChannel> OnlineChannels,
    IReadOnlyList<PlaceDetail> ServicePoints,
    IReadOnlyList<BundleStepDetail>? Steps,
    IReadOnlyList<SharedMaterial>? SharedMaterials);

public sealed record MaterialDetail(string Id, string Name, string Form, int Copies, bool Required, bool Always,
    string? Source, IReadOnlyList<string> ReviewPoints, SampleForm? Sample, string? Note);

public sealed record BundleStepDetail(int Order, string ItemId, string Name, string? Note);

/// <summary>A service point as seen from an item: only the windows that handle it.</summary>
public sealed record PlaceDetail(string Id, string Name, string Kind, string Township, string? Address, GeoPoint? Location,
    string? Phone, IReadOnlyList<OpeningSpanDetail> Hours, IReadOnlyList<Window> Windows, string? NavigationUrl);

public sealed record OpeningSpanDetail(IReadOnlyList<string> Days, string Open, string Close, string? Note);

internal static class ItemDetails
{
    public static ItemSummary Summary(this ServiceItem item, KnowledgeSnapshot knowledge) =>
        new(item.Id, "item", item.Name, item.Title, knowledge.Department(item.DepartmentId));

    public static ItemSummary Summary(this Bundle bundle) => new(bundle.Id, "bundle", bundle.Name, bundle.Title, null);

    public static ItemDetail Detail(this ServiceItem item, KnowledgeSnapshot knowledge) => new(
        item.Id, "item", item.Name, item.Title, item.Summary, knowledge.Department(item.DepartmentId),
        item.Aliases, item.Keywords, item.Conditions, item.LegalBasis, item.TimeLimit, item.Fee, item.MaxVisits,
        item.Materials.Select(Detail).ToList(), item.Situations, item.Faqs, item.Tips, item.OnlineChannels,
        knowledge.Places(item.ServicePoints), Steps: null, SharedMaterials: null);

    public static ItemDetail Detail(this Bundle bundle, KnowledgeSnapshot knowledge) => new(
        bundle.Id, "bundle", bundle.Name, bundle.Title, bundle.Summary, null,
        bundle.Aliases, bundle.Keywords, [], [], bundle.TimeLimit, null, null, [], [], bundle.Faqs, bundle.Tips,
        bundle.OnlineChannels, knowledge.Places(bundle.ServicePoints),
        bundle.Steps.Select((s, i) => new BundleStepDetail(i + 1, s.ItemId, knowledge.Items[s.ItemId].Name, s.Note)).ToList(),
        bundle.SharedMaterials);

    public static PlaceDetail Detail(this ServicePoint point, IReadOnlyList<string>? windows = null) => new(
        point.Id, point.Name, point.Kind.ToString().ToLowerInvariant(), point.Township, point.Address, point.Location, point.Phone,
        point.Hours.Select(h => new OpeningSpanDetail(
            h.Days.Select(d => d.ToString()[..3].ToLowerInvariant()).ToList(),
            h.Open.ToString("HH:mm"), h.Close == TimeOnly.MaxValue ? "24:00" : h.Close.ToString("HH:mm"), h.Note)).ToList(),
        windows is null ? point.Windows : point.Windows.Where(w => windows.Contains(w.Id)).ToList(),
        point.NavigationUrl);

    private static MaterialDetail Detail(Material m) =>
        new(m.Id, m.Name, m.Form.Label(), m.Copies, m.Required, m.Always, m.Source, m.ReviewPoints, m.Sample, m.Note);

    private static List<PlaceDetail> Places(this KnowledgeSnapshot knowledge, IReadOnlyList<PlaceRef> places) =>
        places.Select(p => knowledge.ServicePoints[p.PointId].Detail(p.Windows)).ToList();

    private static DepartmentRef? Department(this KnowledgeSnapshot knowledge, string id) =>
        knowledge.Departments.TryGetValue(id, out var d) ? new DepartmentRef(d.Id, d.Name, d.FullName, d.Phone) : null;
}
