using System.Text;

namespace Bot.Knowledge.Text;

/// <summary>
/// Traditional → simplified Chinese with OpenCC's tables: longest phrase match first, then characters.
/// </summary>
public sealed class ChineseConverter
{
    private readonly Dictionary<string, string> _phrases;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
    private readonly Dictionary<char, string> _characters;
    private readonly int _longestPhrase;

    internal ChineseConverter(IEnumerable<(string From, string To)> phrases, IEnumerable<(string From, string To)> characters)
    {
        _phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in phrases)
        {
            _phrases[from] = to;
            _longestPhrase = Math.Max(_longestPhrase, from.Length);
        }

        _phraseLookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _characters = [];
        foreach (var (from, to) in characters)
        {
            if (from.Length == 1)
            {
                _characters[from[0]] = to;
            }
        }
    }

    /// <summary>Loads the converter from the OpenCC tables in <paramref name="directory"/>.</summary>
    public static ChineseConverter Load(string directory) => new(
        JsStringTable.Read(LexiconPath.Require(directory, LexiconFiles.OpenCcPhrases)),
        JsStringTable.Read(LexiconPath.Require(directory, LexiconFiles.OpenCcCharacters)));

    /// <summary>Converts <paramref name="text"/> to simplified Chinese; other scripts pass through.</summary>
    public string ToSimplified(string text)
    {
        if (!NeedsConversion(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var matched = false;
            for (var length = Math.Min(_longestPhrase, span.Length - i); length >= 2; length--)
            {
                if (_phraseLookup.TryGetValue(span.Slice(i, length), out var phrase))
                {
                    builder.Append(phrase);
                    i += length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                builder.Append(_characters.TryGetValue(span[i], out var simplified) ? simplified : span[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private bool NeedsConversion(string text)
    {
        foreach (var c in text)
        {
            if (_characters.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }
}
