namespace Bot.Knowledge.Seed;

/// <summary>Where each parsed element came from, so that cross-file checks can still name file and line.</summary>
internal sealed class SeedLocations
{
    private readonly Dictionary<object, (string File, int Line)> _at = new(ReferenceEqualityComparer.Instance);

    public T Remember<T>(T element, YamlNode node, string? key = null) where T : notnull
    {
        _at[element] = (node.File, key is null ? node.Line : node.LineOf(key));
        return element;
    }

    public (string File, int Line) Of(object element) => _at.TryGetValue(element, out var at) ? at : ("?", 0);
}
