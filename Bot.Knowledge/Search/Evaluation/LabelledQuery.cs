namespace Bot.Knowledge.Search.Evaluation;

/// <summary>A query with the ids that count as right, or none ("-") when nothing in the catalogue fits.</summary>
/// <param name="Query">What the citizen wrote.</param>
/// <param name="Expected">Catalogue ids any of which is a right top hit; empty when nothing fits.</param>
/// <param name="Kind">The set's third column: item, bundle, none…</param>
public sealed record LabelledQuery(string Query, IReadOnlyList<string> Expected, string Kind)
{
    /// <summary>Whether nothing in the catalogue fits: the query must not be answered.</summary>
    public bool ExpectsNone => Expected.Count == 0;

    /// <summary>Reads "query \t ids (comma-separated or -) \t kind" with a header line; # starts a comment.</summary>
    public static IReadOnlyList<LabelledQuery> ReadTsv(string path) => File.ReadLines(path)
        .Skip(1)
        .Where(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(parts => new LabelledQuery(
            parts[0].Trim(),
            parts[1].Trim() == "-" ? [] : parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            parts.Length > 2 ? parts[2].Trim() : "item"))
        .ToList();
}
