using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Host.Conversations.Activities;
using Bot.Knowledge.Checklists;
using Bot.Knowledge.Items;

namespace Bot.Host.Conversations.Replies;

/// <summary>The checklist as an Adaptive Card (1.5), which Web Chat renders natively.</summary>
internal static class ChecklistCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment Build(Checklist checklist, string pageUrl)
    {
        var body = new JsonArray
        {
            Text($"材料清单：{checklist.SubjectName}", size: "Medium", weight: "Bolder"),
        };
        if (checklist.Situation.Count > 0)
            body.Add(Facts(checklist.Situation.Select(s => (s.Question, s.Answer))));
        if (checklist.Shared.Count > 0)
        {
            body.Add(Text("以下材料各事项共用，带一份即可：", weight: "Bolder", separator: true));
            foreach (var shared in checklist.Shared) body.Add(MaterialBlock(shared.Material, shared.Name));
        }
        foreach (var step in checklist.Steps)
        {
            if (checklist.IsBundle) body.Add(Text($"第{step.Order}步：{step.Item.Name}", weight: "Bolder", separator: true));
            if (step.Materials.Count == 0) body.Add(Text("（本步无需另带材料）", isSubtle: true));
            foreach (var material in step.Materials) body.Add(MaterialBlock(material, material.Name));
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["lang"] = "zh-CN",
            ["body"] = body,
            ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "打开 / 打印清单", ["url"] = pageUrl } },
        };
        return new Attachment(ContentType, JsonSerializer.SerializeToElement(card));
    }

    private static JsonObject MaterialBlock(Material material, string name)
    {
        var items = new JsonArray
        {
            Text($"▪ {name}（{material.Form.Label()}{(material.Copies > 1 ? $" {material.Copies}份" : "")}{(material.Required ? "" : "，如有")}）", wrap: true),
        };
        foreach (var point in material.ReviewPoints) items.Add(Text($"   · {point}", isSubtle: true, size: "Small"));
        if (material.Sample is { } sample) items.Add(Text($"   样表：[{sample.Name}]({sample.Url})", size: "Small"));
        return new JsonObject { ["type"] = "Container", ["spacing"] = "Small", ["items"] = items };
    }

    private static JsonObject Facts(IEnumerable<(string Title, string Value)> facts)
    {
        var list = new JsonArray();
        foreach (var (title, value) in facts) list.Add(new JsonObject { ["title"] = title, ["value"] = value });
        return new JsonObject { ["type"] = "FactSet", ["facts"] = list };
    }

    private static JsonObject Text(string text, string? size = null, string? weight = null, bool isSubtle = false, bool separator = false, bool wrap = true)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = wrap };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (isSubtle) block["isSubtle"] = true;
        if (separator) block["separator"] = true;
        return block;
    }
}
