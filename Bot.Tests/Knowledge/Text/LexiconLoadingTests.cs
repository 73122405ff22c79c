using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Text;

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

    // How long loading takes is not a unit test's business (the host logs it at start, event 1000); that it is whole is.
    [Fact]
    public void The_full_jieba_dictionary_loads()
    {
        var lexicon = ChineseLexicon.Load();

        Assert.True(lexicon.Words.Count > 300_000, $"only {lexicon.Words.Count} words");
    }
}
