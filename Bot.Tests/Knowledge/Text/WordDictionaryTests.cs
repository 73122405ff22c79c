using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Text;

/// <summary>The segmenter, which stops extending a candidate word where no dictionary word begins, against the DAG tried at every length.</summary>
public sealed class WordDictionaryTests
{
    [Theory]
    [InlineData("个体工商户设立登记需要哪些材料")]
    [InlineData("孩子刚出生怎么上户口随爸还是随妈")]
    [InlineData("我想开个小饭馆要办食品经营许可证和营业执照")]
    [InlineData("中华人民共和国居民身份证丢了在外地能不能补办")]
    [InlineData("一石二鸟画蛇添足不动产登记")]
    public void Segmentation_equals_the_best_path_over_every_word_length(string text)
    {
        var segmenter = TestLexicon.Analyzer.Segmenter;

        Assert.Equal(BruteForce(segmenter.Dictionary, text), segmenter.Segment(text));
    }

    [Fact]
    public void A_word_added_for_the_catalogue_is_kept_whole_even_where_no_listed_word_begins_with_it()
    {
        var dictionary = WordDictionary.FromWords([("办理", 100), ("户口", 100), ("迁移", 100)]);
        var segmenter = new WordSegmenter(dictionary);
        dictionary.AddWord("户口迁移证明");

        Assert.Equal(["办理", "户口迁移证明"], segmenter.Segment("办理户口迁移证明"));
    }

    /// <summary>jieba's dynamic programming, trying every length up to the longest word at each position.</summary>
    private static List<string> BruteForce(WordDictionary dictionary, string run)
    {
        var n = run.Length;
        var best = new double[n + 1];
        var next = new int[n + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = dictionary.UnknownLogProbability + best[i + 1];
            next[i] = i + 1;
            for (var length = 2; length <= Math.Min(n - i, dictionary.LongestWord); length++)
            {
                if (dictionary.TryGetLogProbability(run.AsSpan(i, length), out var p) && p + best[i + length] > best[i])
                {
                    best[i] = p + best[i + length];
                    next[i] = i + length;
                }
            }

            if (dictionary.TryGetLogProbability(run.AsSpan(i, 1), out var single) && single + best[i + 1] > best[i])
            {
                best[i] = single + best[i + 1];
                next[i] = i + 1;
            }
        }

        var words = new List<string>();
        for (var i = 0; i < n; i = next[i])
        {
            words.Add(run[i..next[i]]);
        }

        return words;
    }
}
