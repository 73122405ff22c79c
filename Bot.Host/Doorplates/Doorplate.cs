using Bot.Knowledge.Catalog;
using Bot.Knowledge.Places;

namespace Bot.Host.Doorplates;

/// <summary>What a printed doorplate shows for one service item or service point.</summary>
public sealed record Doorplate(string Id, DoorplateKind Kind, string Name, string? Subtitle, string Department,
    string? Place, string? Address, IReadOnlyList<string> Hours)
{
    public const string Hotline = "12345";

    /// <summary>The item or point with this id, or null when the knowledge base has neither.</summary>
    public static Doorplate? Find(KnowledgeSnapshot knowledge, string id)
    {
        if (knowledge.Items.TryGetValue(id, out var item))
        {
            var department = knowledge.Departments.TryGetValue(item.DepartmentId, out var d) ? d.Name : item.DepartmentId;
            var point = item.ServicePoints.Select(p => knowledge.ServicePoints.GetValueOrDefault(p.PointId)).OfType<ServicePoint>().FirstOrDefault();
            return new Doorplate(item.Id, DoorplateKind.Item, item.Name, item.Title, department, point?.Name, point?.Address,
                point is null ? [] : OpeningHours.Describe(point.Hours));
        }
        if (knowledge.ServicePoints.TryGetValue(id, out var place))
        {
            return new Doorplate(place.Id, DoorplateKind.ServicePoint, place.Name, $"可办事项 {knowledge.ItemsHandledAt(place.Id).Count} 项",
                place.Township, place.Name, place.Address, OpeningHours.Describe(place.Hours));
        }
        return null;
    }
}

/// <summary>A doorplate stands for a service item or for a service point.</summary>
public enum DoorplateKind { Item, ServicePoint }
