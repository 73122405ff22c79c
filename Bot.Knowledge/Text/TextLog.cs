using Microsoft.Extensions.Logging;

namespace Bot.Knowledge.Text;

/// <summary>Log messages of the text analysis; EventIds 1000–1049 of Bot.Knowledge's 1xxx range.</summary>
internal static partial class TextLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Lexicon loaded from {Directory}: {WordCount} words, {PinyinCount} characters with pinyin, in {ElapsedMs:F0} ms")]
    public static partial void LexiconLoaded(ILogger logger, string directory, int wordCount, int pinyinCount, double elapsedMs);
}
