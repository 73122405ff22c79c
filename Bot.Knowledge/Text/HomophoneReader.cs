using System.Text;

namespace Bot.Knowledge.Text;

/// <summary>
/// Reads a run of characters that is no word at all as the catalogue word it sounds like: the typos people make with
/// a pinyin keyboard (低包 for 低保, 医宝卡 for 医保卡, 结昏证 for 结婚证, 公积精 for 公积金). A span is read only when
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
    private readonly WordDictionary _dictionary;
    private readonly WordSegmenter _segmenter;

    /// <summary>Builds the reading table from <paramref name="vocabulary"/>, most important words first.</summary>
    public HomophoneReader(TextAnalyzer analyzer, IEnumerable<string> vocabulary)
    {
        var lexicon = analyzer.Lexicon;
        _pinyin = lexicon.Pinyin;
        _dictionary = lexicon.Words;
        _segmenter = analyzer.Segmenter;
        foreach (var word in vocabulary)
        {
            if (word.Length is < ShortestWord or > LongestWord || !word.All(CharClass.IsHan)
                || Informativeness.OfWord(word, lexicon.Idf) < 0.5f || Sound(word) is not { } sound)
            {
                continue;
            }

            _bySound.TryAdd(sound, word);
        }
    }

    /// <summary>The vocabulary words that the unknown spans of <paramref name="normalized"/> sound like, each once.</summary>
    public IReadOnlyList<string> Read(string normalized)
    {
        List<string>? read = null;
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
                ReadRun(normalized.AsSpan(start, i - start), ref read);
            }

            i = Math.Max(i, start + 1);
        }

        return read ?? (IReadOnlyList<string>)[];
    }

    private void ReadRun(ReadOnlySpan<char> run, ref List<string>? read)
    {
        Span<int> next = run.Length <= 256 ? stackalloc int[run.Length + 1] : new int[run.Length + 1];
        _segmenter.Path(run, next);
        for (var start = 0; start < run.Length; start = next[start])
        {
            var lone = false;
            for (var end = start; end < run.Length && next[end] - start <= LongestWord; end = next[end])
            {
                lone |= next[end] - end == 1;
                var span = run[start..next[end]];
                if (!lone || span.Length < ShortestWord || _dictionary.Contains(span) || Sound(span) is not { } sound
                    || !_bySound.TryGetValue(sound, out var word) || Differences(span, word) > (span.Length == LongestWord ? 2 : 1))
                {
                    continue;
                }

                read ??= [];
                if (!read.Contains(word))
                {
                    read.Add(word);
                }
            }
        }
    }

    private string? Sound(ReadOnlySpan<char> text)
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

    private static int Differences(ReadOnlySpan<char> span, string word)
    {
        var differences = 0;
        for (var i = 0; i < span.Length; i++)
        {
            differences += span[i] == word[i] ? 0 : 1;
        }

        return differences;
    }
}
