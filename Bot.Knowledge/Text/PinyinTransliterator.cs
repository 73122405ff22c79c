using System.Text;

namespace Bot.Knowledge.Text;

/// <summary>
/// Reads pinyin or pinyin initials typed instead of characters ("shenfenzheng", "sfz") as the words of a
/// known vocabulary (the catalogue's words), so that a run of Latin letters can still match.
/// A run is read only when every letter is accounted for; "asdfgh" stays gibberish.
/// </summary>
public sealed class PinyinTransliterator
{
    private readonly Dictionary<string, string> _full = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _initials = new(StringComparer.Ordinal);
    private readonly int _longestKey;

    /// <summary>Builds the reading tables from <paramref name="vocabulary"/>, most important words first.</summary>
    public PinyinTransliterator(PinyinTable pinyin, IEnumerable<string> vocabulary)
    {
        foreach (var word in vocabulary)
        {
            if (word.Length == 0 || !word.All(CharClass.IsHan))
            {
                continue;
            }

            var syllables = word.Select(pinyin.Primary).ToArray();
            if (syllables.Any(s => s is null))
            {
                continue;
            }

            var full = string.Concat(syllables);
            _full.TryAdd(full, word);
            _longestKey = Math.Max(_longestKey, full.Length);
            if (word.Length >= 3)
            {
                _initials.TryAdd(string.Concat(syllables.Select(s => s![0])), word);
            }
            else if (word.Length == 2)
            {
                _initials.TryAdd("=" + string.Concat(syllables.Select(s => s![0])), word);
            }
        }
    }

    /// <summary>
    /// The Chinese reading of a run of Latin letters, words separated by spaces, or null when the letters
    /// cannot all be read as vocabulary words.
    /// </summary>
    public string? Transliterate(string latin)
    {
        if (latin.Length < 2 || !latin.All(CharClass.IsLatin))
        {
            return null;
        }

        // Two letters are initials only when typed alone ("hz" for 护照); inside longer runs they are too ambiguous.
        if (latin.Length == 2)
        {
            return _initials.GetValueOrDefault("=" + latin);
        }

        var result = new StringBuilder();
        var i = 0;
        while (i < latin.Length)
        {
            var matched = false;
            for (var length = Math.Min(_longestKey, latin.Length - i); length >= 1 && !matched; length--)
            {
                var part = latin.Substring(i, length);
                if (_full.TryGetValue(part, out var word) || (length >= 3 && _initials.TryGetValue(part, out word)))
                {
                    result.Append(result.Length == 0 ? "" : " ").Append(word);
                    i += length;
                    matched = true;
                }
            }

            if (!matched)
            {
                return null;
            }
        }

        return result.ToString();
    }
}
