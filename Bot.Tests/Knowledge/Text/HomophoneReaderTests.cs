using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Text;

public sealed class HomophoneReaderTests
{
    private static readonly HomophoneReader Reader = new(TestLexicon.Analyzer, ["低保", "医保", "户口", "结婚证", "失业", "施工", "执照"]);

    [Theory]
    [InlineData("俺家想吃低包", "低保")]
    [InlineData("医宝卡丢了", "医保")]
    [InlineData("户扣本丢了", "户口")]
    [InlineData("结昏证怎么领", "结婚证")]
    [InlineData("营业只照怎么办", "执照")]
    public void A_pinyin_keyboard_typo_is_read_as_the_catalogue_word_it_sounds_like(string query, string word)
    {
        Assert.Contains(word, Reader.Read(TestLexicon.Analyzer.Normalizer.Normalize(query)));
    }

    [Theory]
    [InlineData("事业单位的人能办吗")] // 事业 is a word of its own, not a misspelt 失业
    [InlineData("换了城市工作")] // 市工 sounds like 施工 but straddles two words
    [InlineData("低保怎么申请")] // already right
    [InlineData("明天会下雨吗")]
    public void Words_and_spans_across_words_are_left_as_they_are(string query)
    {
        Assert.Empty(Reader.Read(TestLexicon.Analyzer.Normalizer.Normalize(query)));
    }
}
