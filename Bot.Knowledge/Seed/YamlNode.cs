using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Bot.Knowledge.Seed;

/// <summary>
/// Reads one YAML mapping while collecting problems with their line numbers, so that a
/// curator sees every mistake of a file at once instead of the first exception.
/// </summary>
internal sealed class YamlNode
{
    private readonly YamlMappingNode _node;
    private readonly SeedProblems _problems;

    public YamlNode(YamlMappingNode node, string file, SeedProblems problems)
    {
        _node = node;
        File = file;
        _problems = problems;
    }

    public string File { get; }
    public int Line => (int)_node.Start.Line;

    public static YamlNode? From(YamlNode parent, YamlDotNet.RepresentationModel.YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping) return new YamlNode(mapping, parent.File, parent._problems);
        parent.Problem(node, $"{what} must be a mapping (key: value)");
        return null;
    }

    public void Problem(string message) => _problems.Add(File, Line, message);

    public void Problem(YamlDotNet.RepresentationModel.YamlNode at, string message) => _problems.Add(File, (int)at.Start.Line, message);

    public void ProblemAt(string key, string message) => _problems.Add(File, LineOf(key), message);

    public int LineOf(string key) => Find(key) is { } value ? (int)value.Start.Line : Line;

    /// <summary>Reports keys that the format does not know, a typo being the usual cause.</summary>
    public void AllowOnly(params string[] keys)
    {
        foreach (var key in _node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!keys.Contains(name)) Problem(key, $"unknown key '{name}' (expected one of: {string.Join(", ", keys)})");
        }
    }

    public string? Text(string key, bool required = true)
    {
        var value = Find(key);
        if (value is null || value is YamlScalarNode { Value: null or "" })
        {
            if (required) Problem($"missing required '{key}'");
            return null;
        }
        if (value is YamlScalarNode scalar) return scalar.Value!.Trim();
        Problem(value, $"'{key}' must be a single value");
        return null;
    }

    public int? Int(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
        Problem(Find(key)!, $"'{key}' must be a whole number ≥ 0, not '{text}'");
        return null;
    }

    public double? Double(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return n;
        Problem(Find(key)!, $"'{key}' must be a number, not '{text}'");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = Text(key, required: false);
        if (text is null) return null;
        if (text is "true" or "false") return text == "true";
        Problem(Find(key)!, $"'{key}' must be true or false, not '{text}'");
        return null;
    }

    public IReadOnlyList<string> Texts(string key, bool required = false)
    {
        var items = Sequence(key, required);
        var texts = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text }) texts.Add(text.Trim());
            else Problem(item, $"every entry of '{key}' must be a non-empty text");
        }
        return texts;
    }

    public IReadOnlyList<YamlDotNet.RepresentationModel.YamlNode> Sequence(string key, bool required = false)
    {
        var value = Find(key);
        if (value is null || value is YamlScalarNode { Value: null or "" })
        {
            if (required) Problem($"missing required '{key}'");
            return [];
        }
        if (value is YamlSequenceNode sequence) return sequence.Children.ToList();
        Problem(value, $"'{key}' must be a list");
        return [];
    }

    public IReadOnlyList<YamlNode> Mappings(string key, bool required = false) =>
        Sequence(key, required).Select(item => From(this, item, $"an entry of '{key}'")).OfType<YamlNode>().ToList();

    public YamlNode? Mapping(string key, bool required = false)
    {
        var value = Find(key);
        if (value is null)
        {
            if (required) Problem($"missing required '{key}'");
            return null;
        }
        return From(this, value, $"'{key}'");
    }

    private YamlDotNet.RepresentationModel.YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}

/// <summary>The problems found so far in one load of the seed.</summary>
internal sealed class SeedProblems
{
    private readonly List<SeedProblem> _list = [];

    public IReadOnlyList<SeedProblem> All => _list;

    public void Add(string file, int line, string message) => _list.Add(new SeedProblem(file, line, message));
}
