using System.Buffers;

namespace Bot.Knowledge.Text;

/// <summary>
/// Dictionary word segmentation as jieba does it without its HMM: every dictionary word starting at each
/// position forms a DAG, and dynamic programming picks the path of highest probability. Characters that
/// form no word come out one by one; the character n-grams of the analyser cover them.
/// </summary>
public sealed class WordSegmenter(WordDictionary dictionary)
{
    private const int StackLimit = 256;

    // Where inner words may start and how long they are, for words of up to this length (longer: computed).
    private static readonly (int Start, int Length)[][] InnerCandidates =
        [.. Enumerable.Range(0, 32).Select(CandidatesOf)];

    /// <summary>The dictionary in use.</summary>
    public WordDictionary Dictionary { get; } = dictionary;

    /// <summary>Segments a run of Han characters.</summary>
    public IReadOnlyList<string> Segment(ReadOnlySpan<char> run)
    {
        if (run.IsEmpty)
        {
            return [];
        }

        var next = new int[run.Length + 1];
        Path(run, next);
        var words = new List<string>();
        for (var i = 0; i < run.Length; i = next[i])
        {
            words.Add(run[i..next[i]].ToString());
        }

        return words;
    }

    /// <summary>
    /// The best path through the run's DAG, without allocating: the word starting at <c>i</c> ends at
    /// <c>next[i]</c> (follow it from 0). <paramref name="next"/> holds at least <c>run.Length + 1</c> places.
    /// </summary>
    internal void Path(ReadOnlySpan<char> run, Span<int> next)
    {
        var n = run.Length;
        double[]? rented = null;
        Span<double> best = n < StackLimit ? stackalloc double[n + 1] : (rented = ArrayPool<double>.Shared.Rent(n + 1));
        best[n] = 0;
        var unknown = Dictionary.UnknownLogProbability;
        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = unknown + best[i + 1];
            next[i] = i + 1;
            var limit = Math.Min(n - i, Dictionary.LongestWord);
            for (var length = 2; length <= limit; length++)
            {
                if (!Dictionary.TryGetStep(run.Slice(i, length), out var logProbability))
                {
                    break; // no word starts with these characters
                }

                if (!double.IsNaN(logProbability))
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

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The dictionary words of two or three characters inside a longer word (jieba's search mode), so that
    /// "个体工商户设立登记" is also found by "个体" and "登记".
    /// </summary>
    public IEnumerable<string> InnerWords(string word)
    {
        foreach (var (start, length) in InnerWordCandidates(word.Length))
        {
            if (Dictionary.Contains(word.AsSpan(start, length)))
            {
                yield return word.Substring(start, length);
            }
        }
    }

    /// <summary>Where inner words of a word of <paramref name="wordLength"/> characters may be, in the order they are reported.</summary>
    internal static (int Start, int Length)[] InnerWordCandidates(int wordLength) =>
        wordLength < InnerCandidates.Length ? InnerCandidates[wordLength] : CandidatesOf(wordLength);

    private static (int Start, int Length)[] CandidatesOf(int wordLength)
    {
        var candidates = new List<(int, int)>();
        for (var length = 2; wordLength > 2 && length <= Math.Min(3, wordLength - 1); length++)
        {
            for (var i = 0; i + length <= wordLength; i++)
            {
                candidates.Add((i, length));
            }
        }

        return [.. candidates];
    }
}
