using System.Text;

namespace Bot.Knowledge.Text;

/// <summary>
/// Reads a run of characters that is no word at all as the catalogue word it sounds like: the typos people make with
/// a pinyin keyboard (低包 for 低保, 医宝卡 for 医保卡, 结昏证 for 结婚证, 户扣本 for 户口本). A span is read only when
/// the dictionary does not know it (事业 is a word and is never read as 失业), it has the same toneless reading as an
/// informative word of the vocabulary, and it differs from that word in one character (two in four-character words).
/// Spans follow the segmentation: whole segments only, at least one of them a lone character (what the segmenter
/// leaves when no word fits), so that two words side by side (城市|工作) are never read as a third (市工 → 施工).
/// </summary>
public sealed class HomophoneReader
{
    private const int ShortestWord = 2;
    private const int LongestWord = 4;

    private readonly Dictionary<string, string> _bySound = new(StringComparer.Ordinal);
    private readonly PinyinTable _pinyin;
    private readonly WordSegmenter _segmenter;

    /// <summary>Builds the reading table from <paramref name="vocabulary"/>, most important words first.</summary>
    public HomophoneReader(TextAnalyzer analyzer, IEnumerable<string> vocabulary)
    {
        _pinyin = analyzer.Lexicon.Pinyin;
        _segmenter = analyzer.Segmenter;
        foreach (var word in vocabulary)
        {
            if (word.Length is < ShortestWord or > LongestWord || !word.All(CharClass.IsHan)
                || Informativeness.OfWord(word, analyzer.Lexicon.Idf) < 0.5f || Sound(word) is not { } sound)
            {
                continue;
            }

            _bySound.TryAdd(sound, word);
        }
    }

    /// <summary>The vocabulary words that the unknown spans of <paramref name="normalized"/> sound like, each once.</summary>
    public IReadOnlyList<string> Read(string normalized)
    {
        var read = new List<string>();
        var i = 0;
        while (i < normalized.Length)
        {
            var start = i;
            while (i < normalized.Length && CharClass.IsHan(normalized[i]))
            {
                i++;
            }

            if (i - start >= ShortestWord)
            {
                ReadRun(_segmenter.Segment(normalized.AsSpan(start, i - start)), read);
            }

            i = Math.Max(i, start + 1);
        }

        return read;
    }

    /// <summary>Tries every span of whole segments, up to the longest word, that holds a lone character.</summary>
    private void ReadRun(IReadOnlyList<string> segments, List<string> read)
    {
        for (var first = 0; first < segments.Count; first++)
        {
            var span = new StringBuilder();
            var lone = false;
            for (var last = first; last < segments.Count && span.Length + segments[last].Length <= LongestWord; last++)
            {
                span.Append(segments[last]);
                lone |= segments[last].Length == 1;
                var text = span.ToString();
                if (lone && text.Length >= ShortestWord && !_segmenter.Dictionary.Contains(text)
                    && Sound(text) is { } sound && _bySound.TryGetValue(sound, out var word)
                    && Differences(text, word) <= (text.Length == LongestWord ? 2 : 1) && !read.Contains(word))
                {
                    read.Add(word);
                }
            }
        }
    }

    private string? Sound(string text)
    {
        var sound = new StringBuilder(text.Length * 4);
        foreach (var c in text)
        {
            if (_pinyin.Primary(c) is not { } syllable)
            {
                return null;
            }

            sound.Append(syllable).Append(' ');
        }

        return sound.ToString();
    }

    private static int Differences(string span, string word) => span.Where((c, i) => c != word[i]).Count();
}
