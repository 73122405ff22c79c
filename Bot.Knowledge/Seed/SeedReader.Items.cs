using Bot.Knowledge.Bundles;
using Bot.Knowledge.Items;

namespace Bot.Knowledge.Seed;

internal sealed partial class SeedReader
{
    private ServiceItem? ReadItem(YamlNode node)
    {
        node.AllowOnly("id", "name", "department", "title", "summary", "aliases", "keywords", "notFor", "conditions", "legalBasis",
            "timeLimit", "fee", "maxVisits", "materials", "situations", "faqs", "tips", "onlineChannels", "servicePoints");
        var id = node.Text("id");
        var name = node.Text("name");
        var department = node.Text("department");
        var title = node.Text("title");
        var summary = node.Text("summary");
        var timeLimit = ReadTimeLimit(node.Mapping("timeLimit", required: true));
        var fee = ReadFee(node.Mapping("fee", required: true));
        var item = new ServiceItem
        {
            Id = id ?? "",
            Name = name ?? "",
            DepartmentId = department ?? "",
            Title = title ?? "",
            Summary = summary ?? "",
            Aliases = node.Texts("aliases", required: true),
            Keywords = node.Texts("keywords"),
            NotFor = node.Texts("notFor"),
            Conditions = node.Texts("conditions"),
            LegalBasis = node.Texts("legalBasis"),
            TimeLimit = timeLimit ?? new TimeLimit(null, null, null),
            Fee = fee ?? new Fee(true, null),
            MaxVisits = node.Int("maxVisits"),
            Materials = node.Mappings("materials", required: true).Select(ReadMaterial).OfType<Material>().ToList(),
            Situations = node.Mappings("situations").Select(ReadSituation).OfType<Situation>().ToList(),
            Faqs = ReadFaqs(node),
            Tips = node.Texts("tips"),
            OnlineChannels = ReadOnlineChannels(node),
            ServicePoints = ReadPlaces(node),
        };
        var complete = id is not null && name is not null && department is not null && title is not null && summary is not null
            && timeLimit is not null && fee is not null;
        return complete ? locations.Remember(item, node) : null;
    }

    private Material? ReadMaterial(YamlNode node)
    {
        node.AllowOnly("id", "name", "form", "copies", "required", "always", "source", "reviewPoints", "sample", "note");
        var id = node.Text("id");
        var name = node.Text("name");
        var formText = node.Text("form");
        MaterialForm form = default;
        if (formText is not null && !MaterialForms.TryParse(formText, out form))
            node.ProblemAt("form", $"'form' is '{formText}', expected one of: {string.Join(", ", MaterialForms.Labels)}");
        var reviewPoints = node.Texts("reviewPoints", required: true);
        SampleForm? sample = null;
        if (node.Mapping("sample") is { } s)
        {
            s.AllowOnly("name", "url");
            if (s.Text("name") is { } sampleName && s.Text("url") is { } url) sample = new SampleForm(sampleName, url);
        }
        var copies = node.Int("copies") ?? 1;
        if (id is null || name is null || formText is null || !MaterialForms.TryParse(formText, out _)) return null;
        return locations.Remember(new Material
        {
            Id = id,
            Name = name,
            Form = form,
            Copies = copies,
            Required = node.Bool("required") ?? true,
            Always = node.Bool("always") ?? false,
            Source = node.Text("source", required: false),
            ReviewPoints = reviewPoints,
            Sample = sample,
            Note = node.Text("note", required: false),
        }, node);
    }

    private Situation? ReadSituation(YamlNode node)
    {
        node.AllowOnly("id", "text", "options", "when");
        var id = node.Text("id");
        var text = node.Text("text");
        SituationCondition? when = null;
        if (node.Mapping("when") is { } w)
        {
            w.AllowOnly("question", "option");
            if (w.Text("question") is { } question && w.Text("option") is { } option)
                when = locations.Remember(new SituationCondition(question, option), w);
        }
        var options = node.Mappings("options", required: true).Select(option =>
        {
            option.AllowOnly("id", "label", "materials", "note");
            var optionId = option.Text("id");
            var label = option.Text("label");
            return optionId is null || label is null ? null
                : locations.Remember(new SituationOption(optionId, label, option.Texts("materials"), option.Text("note", required: false)), option);
        }).OfType<SituationOption>().ToList();
        if (id is null || text is null) return null;
        return locations.Remember(new Situation { Id = id, Text = text, Options = options, When = when }, node);
    }

    private static TimeLimit? ReadTimeLimit(YamlNode? node)
    {
        if (node is null) return null;
        node.AllowOnly("statutoryDays", "promisedDays", "note");
        return new TimeLimit(node.Int("statutoryDays"), node.Int("promisedDays"), node.Text("note", required: false));
    }

    private static Fee? ReadFee(YamlNode? node)
    {
        if (node is null) return null;
        node.AllowOnly("free", "note");
        return new Fee(node.Bool("free") ?? true, node.Text("note", required: false));
    }

    private static List<Faq> ReadFaqs(YamlNode node) =>
        node.Mappings("faqs").Select(faq =>
        {
            faq.AllowOnly("q", "a");
            return faq.Text("q") is { } q && faq.Text("a") is { } a ? new Faq(q, a) : null;
        }).OfType<Faq>().ToList();

    private static List<OnlineChannel> ReadOnlineChannels(YamlNode node) =>
        node.Mappings("onlineChannels").Select(channel =>
        {
            channel.AllowOnly("name", "url", "can");
            var name = channel.Text("name");
            var url = channel.Text("url");
            var can = channel.Text("can");
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) channel.ProblemAt("url", $"'{url}' is not an absolute URL");
            return name is null || url is null || can is null ? null : new OnlineChannel(name, url, can);
        }).OfType<OnlineChannel>().ToList();

    private List<PlaceRef> ReadPlaces(YamlNode node) =>
        node.Mappings("servicePoints").Select(place =>
        {
            place.AllowOnly("point", "windows");
            return place.Text("point") is { } point ? locations.Remember(new PlaceRef(point, place.Texts("windows")), place) : null;
        }).OfType<PlaceRef>().ToList();

    private Bundle? ReadBundle(YamlNode node)
    {
        node.AllowOnly("id", "name", "title", "summary", "aliases", "keywords", "notFor", "steps", "sharedMaterials", "timeLimit",
            "faqs", "tips", "onlineChannels", "servicePoints");
        var id = node.Text("id");
        var name = node.Text("name");
        var title = node.Text("title");
        var summary = node.Text("summary");
        var steps = node.Mappings("steps", required: true).Select(step =>
        {
            step.AllowOnly("item", "note");
            return step.Text("item") is { } item ? locations.Remember(new BundleStep(item, step.Text("note", required: false)), step) : null;
        }).OfType<BundleStep>().ToList();
        var shared = node.Mappings("sharedMaterials").Select(material =>
        {
            material.AllowOnly("name", "refs");
            var refs = new List<MaterialRef>();
            foreach (var text in material.Texts("refs", required: true))
            {
                var slash = text.IndexOf('/', StringComparison.Ordinal);
                if (slash > 0 && slash < text.Length - 1) refs.Add(new MaterialRef(text[..slash], text[(slash + 1)..]));
                else material.ProblemAt("refs", $"'{text}' must be written <item id>/<material id>");
            }
            return material.Text("name") is { } materialName ? locations.Remember(new SharedMaterial(materialName, refs), material) : null;
        }).OfType<SharedMaterial>().ToList();
        if (id is null || name is null || title is null || summary is null) return null;
        return locations.Remember(new Bundle
        {
            Id = id,
            Name = name,
            Title = title,
            Summary = summary,
            Aliases = node.Texts("aliases", required: true),
            Keywords = node.Texts("keywords"),
            NotFor = node.Texts("notFor"),
            Steps = steps,
            SharedMaterials = shared,
            TimeLimit = ReadTimeLimit(node.Mapping("timeLimit")),
            Faqs = ReadFaqs(node),
            Tips = node.Texts("tips"),
            OnlineChannels = ReadOnlineChannels(node),
            ServicePoints = ReadPlaces(node),
        }, node);
    }
}
