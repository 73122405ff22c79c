namespace Bot.Knowledge.Text;

/// <summary>
/// jieba's general-language inverse document frequencies. They say how informative a word is in Chinese at
/// large ("怎么" little, "护照" much), which a catalogue of a hundred documents cannot tell by itself.
/// </summary>
public sealed class IdfTable
{
    private readonly Dictionary<string, float> _idf;
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private IdfTable(Dictionary<string, float> idf)
    {
        _idf = idf;
        _lookup = idf.GetAlternateLookup<ReadOnlySpan<char>>();
        Median = idf.Count == 0 ? 10f : idf.Values.Order().ElementAt(idf.Count / 2);
    }

    /// <summary>The median idf, used for words the table does not know (as jieba's keyword extraction does).</summary>
    public float Median { get; }

    /// <summary>Loads jieba's <c>idf.txt</c> from <paramref name="directory"/>.</summary>
    public static IdfTable Load(string directory)
    {
        var path = LexiconPath.Require(directory, LexiconFiles.JiebaIdf);
        var idf = new Dictionary<string, float>(300_000, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var span = line.AsSpan();
            var space = span.IndexOf(' ');
            if (space > 0 && float.TryParse(span[(space + 1)..], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                idf[span[..space].ToString()] = value;
            }
        }

        return new IdfTable(idf);
    }

    /// <summary>Creates a table from explicit values, for tests.</summary>
    public static IdfTable FromValues(IEnumerable<KeyValuePair<string, float>> values) =>
        new(new Dictionary<string, float>(values, StringComparer.Ordinal));

    /// <summary>The word's idf, or <see cref="Median"/> when unknown.</summary>
    public float Get(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var value) ? value : Median;

    /// <summary>Whether the table knows the word.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _lookup.ContainsKey(word);
}
