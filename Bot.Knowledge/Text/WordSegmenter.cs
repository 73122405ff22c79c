namespace Bot.Knowledge.Text;

/// <summary>
/// Dictionary word segmentation as jieba does it without its HMM: every dictionary word starting at each
/// position forms a DAG, and dynamic programming picks the path of highest probability. Characters that
/// form no word come out one by one; the character n-grams of the analyser cover them.
/// </summary>
public sealed class WordSegmenter(WordDictionary dictionary)
{
    /// <summary>The dictionary in use.</summary>
    public WordDictionary Dictionary { get; } = dictionary;

    /// <summary>Segments a run of Han characters.</summary>
    public IReadOnlyList<string> Segment(ReadOnlySpan<char> run)
    {
        var n = run.Length;
        if (n == 0)
        {
            return [];
        }

        var best = new double[n + 1];
        var next = new int[n + 1];
        best[n] = 0;
        var unknown = Dictionary.UnknownLogProbability;
        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = unknown + best[i + 1];
            next[i] = i + 1;
            var limit = Math.Min(n - i, Dictionary.LongestWord);
            for (var length = 2; length <= limit; length++)
            {
                if (Dictionary.TryGetLogProbability(run.Slice(i, length), out var logProbability))
                {
                    var score = logProbability + best[i + length];
                    if (score > best[i])
                    {
                        best[i] = score;
                        next[i] = i + length;
                    }
                }
            }

            if (Dictionary.TryGetLogProbability(run.Slice(i, 1), out var single) && single + best[i + 1] > best[i])
            {
                best[i] = single + best[i + 1];
                next[i] = i + 1;
            }
        }

        var words = new List<string>();
        for (var i = 0; i < n; i = next[i])
        {
            words.Add(run[i..next[i]].ToString());
        }

        return words;
    }

    /// <summary>
    /// The dictionary words of two or three characters inside a longer word (jieba's search mode), so that
    /// "个体工商户设立登记" is also found by "个体" and "登记".
    /// </summary>
    public IEnumerable<string> InnerWords(string word)
    {
        if (word.Length <= 2)
        {
            yield break;
        }

        for (var length = 2; length <= Math.Min(3, word.Length - 1); length++)
        {
            for (var i = 0; i + length <= word.Length; i++)
            {
                var part = word.AsSpan(i, length);
                if (Dictionary.Contains(part))
                {
                    yield return part.ToString();
                }
            }
        }
    }
}
