using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Knowledge.Text;

/// <summary>
/// The language data the analyser needs, loaded once per process from the lexicon directory
/// (see <see cref="LexiconFiles"/>). Immutable after load except for domain words added to the dictionary.
/// </summary>
public sealed class ChineseLexicon
{
    private ChineseLexicon(WordDictionary words, IdfTable idf, ChineseConverter converter, PinyinTable pinyin)
    {
        Words = words;
        Idf = idf;
        Converter = converter;
        Pinyin = pinyin;
    }

    /// <summary>jieba's dictionary.</summary>
    public WordDictionary Words { get; }

    /// <summary>jieba's general-language idf.</summary>
    public IdfTable Idf { get; }

    /// <summary>Traditional → simplified.</summary>
    public ChineseConverter Converter { get; }

    /// <summary>Per-character pinyin.</summary>
    public PinyinTable Pinyin { get; }

    /// <summary>
    /// Loads every lexicon file from <paramref name="directory"/> (default: <see cref="LexiconFiles.DefaultDirectory"/>).
    /// Throws <see cref="LexiconMissingException"/> naming the first missing file.
    /// </summary>
    public static ChineseLexicon Load(string? directory = null, ILogger? logger = null)
    {
        directory = string.IsNullOrWhiteSpace(directory) ? LexiconFiles.DefaultDirectory : Path.GetFullPath(directory);
        logger ??= NullLogger.Instance;
        foreach (var file in LexiconFiles.All)
        {
            LexiconPath.Require(directory, file);
        }

        var clock = Stopwatch.StartNew();
        var words = Task.Run(() => WordDictionary.Load(directory));
        var idf = Task.Run(() => IdfTable.Load(directory));
        var converter = ChineseConverter.Load(directory);
        var pinyin = PinyinTable.Load(directory);
        var lexicon = new ChineseLexicon(words.GetAwaiter().GetResult(), idf.GetAwaiter().GetResult(), converter, pinyin);
        TextLog.LexiconLoaded(logger, directory, lexicon.Words.Count, lexicon.Pinyin.Count, clock.Elapsed.TotalMilliseconds);
        return lexicon;
    }
}
