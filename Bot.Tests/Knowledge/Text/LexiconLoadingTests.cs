using System.Diagnostics;
using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Text;

[Collection(TimingCollection.Name)]
public sealed class LexiconLoadingTests
{
    [Fact]
    public void Missing_lexicon_directory_fails_with_a_message_naming_the_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "no-lexicon-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<LexiconMissingException>(() => ChineseLexicon.Load(directory));

        Assert.Contains(LexiconFiles.JiebaDictionary, error.Message, StringComparison.Ordinal);
        Assert.Contains("Knowledge:Search:LexiconDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_full_jieba_dictionary_loads_within_two_seconds()
    {
        var clock = Stopwatch.StartNew();
        var lexicon = ChineseLexicon.Load();
        clock.Stop();

        Assert.True(lexicon.Words.Count > 300_000, $"only {lexicon.Words.Count} words");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"loading took {clock.ElapsedMilliseconds} ms");
    }
}
