namespace Bot.Knowledge.Text;

/// <summary>
/// Where each lexicon file lives below the lexicon directory. The build (Lexicon.targets) copies them
/// from pinned npm packages into <c>lexicon/</c> next to the assembly; nothing is fetched at run time.
/// </summary>
public static class LexiconFiles
{
    /// <summary>jieba's word dictionary: <c>word frequency [tag]</c> per line.</summary>
    public const string JiebaDictionary = "jieba/dict.txt";

    /// <summary>jieba's inverse document frequencies: <c>word idf</c> per line.</summary>
    public const string JiebaIdf = "jieba/idf.txt";

    /// <summary>OpenCC traditional-to-simplified characters.</summary>
    public const string OpenCcCharacters = "opencc/TSCharacters.js";

    /// <summary>OpenCC traditional-to-simplified phrases.</summary>
    public const string OpenCcPhrases = "opencc/TSPhrases.js";

    /// <summary>pinyin-pro's per-character readings.</summary>
    public const string PinyinCharacters = "pinyin/dict1.mjs";

    /// <summary>Every file the lexicon needs.</summary>
    public static IReadOnlyList<string> All { get; } =
        [JiebaDictionary, JiebaIdf, OpenCcCharacters, OpenCcPhrases, PinyinCharacters];

    /// <summary>The directory the build copies the lexicon to: <c>lexicon/</c> next to the application.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "lexicon");
}
