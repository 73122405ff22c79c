using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Knowledge.Text;

/// <summary>
/// Toneless pinyin of each Han character (pinyin-pro's per-character table; the most common reading first).
/// It lets homophone typos (身分证 for 身份证) and pinyin typed instead of characters ("shenfenzheng", "sfz")
/// still reach the right words.
/// </summary>
public sealed partial class PinyinTable
{
    private readonly Dictionary<char, string[]> _readings;

    private PinyinTable(Dictionary<char, string[]> readings) => _readings = readings;

    /// <summary>Number of characters with a reading.</summary>
    public int Count => _readings.Count;

    /// <summary>Loads the table from <paramref name="directory"/>.</summary>
    public static PinyinTable Load(string directory)
    {
        var text = File.ReadAllText(LexiconPath.Require(directory, LexiconFiles.PinyinCharacters));
        var readings = new Dictionary<char, string[]>(25_000);
        foreach (Match entry in EntryPattern().Matches(text))
        {
            var key = entry.Groups["quoted"].Success ? entry.Groups["quoted"].Value : entry.Groups["bare"].Value;
            var syllables = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(StripTone).Distinct().ToArray();
            foreach (Match character in CharacterPattern().Matches(entry.Groups["chars"].Value))
            {
                var value = character.Groups[1].Value;
                if (value.Length == 1 && !readings.ContainsKey(value[0]))
                {
                    readings[value[0]] = syllables;
                }
            }
        }

        if (readings.Count == 0)
        {
            throw new InvalidDataException($"No pinyin readings found in '{LexiconFiles.PinyinCharacters}'.");
        }

        return new PinyinTable(readings);
    }

    /// <summary>Creates a table from explicit readings, for tests.</summary>
    public static PinyinTable FromReadings(IEnumerable<KeyValuePair<char, string[]>> readings) => new(new(readings));

    /// <summary>The character's most common toneless reading ("份" → "fen"), or null for a non-Han character.</summary>
    public string? Primary(char c) => _readings.TryGetValue(c, out var value) ? value[0] : null;

    /// <summary>All toneless readings of the character.</summary>
    public IReadOnlyList<string> All(char c) => _readings.TryGetValue(c, out var value) ? value : [];

    /// <summary>"nǚ" → "nv", "lüè" → "lve": tone marks off, ü written v as on a keyboard.</summary>
    internal static string StripTone(string syllable)
    {
        var decomposed = syllable.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // U+0308 (diaeresis) marks ü: keyboards type it as v.
                if (c == '\u0308' && builder.Length > 0 && builder[^1] == 'u')
                {
                    builder[^1] = 'v';
                }

                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^\s*(?:'(?<quoted>[^']+)'|(?<bare>[^\s'\[:]+))\s*:\s*\[(?<chars>[^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex EntryPattern();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex CharacterPattern();
}
