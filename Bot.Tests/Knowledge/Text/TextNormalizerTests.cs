namespace Bot.Tests.Knowledge.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＳＦＺ　丢了！！", "sfz 丢了")]
    [InlineData("身份證過期了，怎麼換？", "身份证过期了 怎么换")]
    [InlineData("  户囗   迁移 ", "户口 迁移")]
    [InlineData("ＫＴＶ许可…", "ktv许可")]
    public void Normalisation_folds_width_case_script_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, TestLexicon.Analyzer.Normalizer.Normalize(input));

    [Fact]
    public void Empty_or_blank_text_normalises_to_empty() =>
        Assert.Equal(string.Empty, TestLexicon.Analyzer.Normalizer.Normalize("  \t "));
}
