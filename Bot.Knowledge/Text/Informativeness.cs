namespace Bot.Knowledge.Text;

/// <summary>
/// How much a token says about what the person wants. Colloquial requests wrap a few content words in
/// filler ("我想问一下…要办什么手续吗"); without this, "要办哪些证" would match every document that has
/// an alias phrased the same way. Function words and characters count little, as do character bigrams
/// that straddle one ("办哪", "些证"); other words are weighed by jieba's general-language idf.
/// </summary>
public static class Informativeness
{
    private const float Filler = 0.1f;

    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal)
    {
        "我", "我们", "你", "你们", "他", "她", "俺", "咱", "的", "了", "吗", "呢", "啊", "吧", "呀", "么", "嘛",
        "要", "想", "想要", "请问", "问", "问一下", "一下", "怎么", "怎么办", "怎样", "怎么样", "如何", "什么", "啥",
        "哪", "哪里", "哪儿", "哪些", "咋", "咋办", "咋整", "去", "能", "能不能", "可以", "可不可以", "需要", "需不需要",
        "办", "办理", "弄", "搞", "一个", "个", "这个", "那个", "有", "没有", "有没有", "是", "是不是", "在", "和", "跟",
        "都", "还", "就", "也", "给", "让", "把", "被", "得", "着", "过", "一", "下", "该", "应该", "多少", "几", "吗",
        "谁", "到", "从", "对", "帮", "帮忙", "现在", "然后", "一些", "些", "那", "这", "手续", "材料", "流程", "哪个",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FillerLookup = FillerWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<char> FillerChars = [.. "我你他她俺咱的了吗呢啊吧呀么嘛要想怎啥哪咋去能可以需这那有没是在和跟都还就也给让把被得着一个些该几谁到从对帮"];

    /// <summary>Weight in (0, 1] of a word of the text.</summary>
    public static float OfWord(string word, IdfTable idf) => OfWord(word.AsSpan(), idf);

    /// <summary>Weight in (0, 1] of a word of the text, given as a span.</summary>
    public static float OfWord(ReadOnlySpan<char> word, IdfTable idf) =>
        FillerLookup.Contains(word) ? Filler : Math.Clamp((idf.Get(word) - 3f) / 6f, 0.3f, 1f);

    /// <summary>Weight in (0, 1] of a single character.</summary>
    public static float OfChar(char c) => FillerChars.Contains(c) ? Filler : 1f;

    /// <summary>Weight in (0, 1] of two adjacent characters, and so of their pinyin.</summary>
    public static float OfBigram(ReadOnlySpan<char> bigram, WordDictionary words)
    {
        if (words.Contains(bigram))
        {
            return FillerLookup.Contains(bigram) ? Filler : 1f;
        }

        return FillerChars.Contains(bigram[0]) || FillerChars.Contains(bigram[1]) ? 0.3f : 0.8f;
    }
}
