namespace Bot.Tests.Knowledge.Text;

public sealed class WordSegmenterTests
{
    [Theory]
    [InlineData("孩子刚出生怎么上户口", "户口")]
    [InlineData("我想开个小卖部要办营业执照", "营业执照")]
    [InlineData("身份证丢了怎么办", "身份证")]
    public void Segmentation_keeps_dictionary_words_whole(string text, string word) =>
        Assert.Contains(word, TestLexicon.Analyzer.Segmenter.Segment(text));

    [Fact]
    public void Search_mode_finds_short_words_inside_long_ones() =>
        Assert.Contains("登记", TestLexicon.Analyzer.Segmenter.InnerWords("个体工商户设立登记"));
}
