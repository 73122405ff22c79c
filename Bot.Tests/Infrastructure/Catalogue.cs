using YamlDotNet.RepresentationModel;

namespace Bot.Tests.Infrastructure;

/// <summary>The service catalogue (catalog/catalog.yaml, copied into the test output): ids and official names the seed must match.</summary>
public sealed record Catalogue(
    IReadOnlyDictionary<string, string> Departments,
    IReadOnlyDictionary<string, (string Department, string Name)> Items,
    IReadOnlyDictionary<string, (string Name, IReadOnlyList<string> Items)> Bundles)
{
    public IEnumerable<string> AllIds => Items.Keys.Concat(Bundles.Keys);

    public static Catalogue Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "data", "catalog.yaml"))) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        string Text(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value!;
        var departments = ((YamlMappingNode)root["departments"]).Children
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
        var items = ((YamlSequenceNode)root["items"]).Children
            .ToDictionary(n => Text(n, "id"), n => (Text(n, "department"), Text(n, "name")));
        var bundles = ((YamlSequenceNode)root["bundles"]).Children.ToDictionary(n => Text(n, "id"),
            n => (Text(n, "name"), (IReadOnlyList<string>)((YamlSequenceNode)((YamlMappingNode)n)["items"]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList()));
        return new Catalogue(departments, items, bundles);
    }
}
