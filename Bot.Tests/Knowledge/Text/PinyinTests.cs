using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Text;

public sealed class PinyinTests
{
    [Fact]
    public void Homophones_share_their_toneless_reading()
    {
        var pinyin = TestLexicon.Lexicon.Pinyin;

        Assert.Equal("fen", pinyin.Primary('份'));
        Assert.Equal(pinyin.Primary('份'), pinyin.Primary('分'));
        Assert.Equal("nv", pinyin.Primary('女'));
    }

    [Fact]
    public void A_homophone_typo_shares_pinyin_tokens_with_the_right_word()
    {
        var typo = TestLexicon.Analyzer.Analyze("身分证").Where(t => t.Kind == TokenKind.Pinyin).Select(t => t.Key);
        var right = TestLexicon.Analyzer.Analyze("身份证").Where(t => t.Kind == TokenKind.Pinyin).Select(t => t.Key);

        Assert.Equal(right, typo);
    }

    [Theory]
    [InlineData("shenfenzheng", "身份证")]
    [InlineData("sfz", "身份证")]
    [InlineData("hukou", "户口")]
    [InlineData("shenfenzhengdiule", "身份证 丢 了")]
    public void Pinyin_typed_instead_of_characters_reads_as_vocabulary_words(string latin, string expected)
    {
        var transliterator = new PinyinTransliterator(TestLexicon.Lexicon.Pinyin, ["身份证", "户口", "丢", "了", "护照"]);

        Assert.Equal(expected, transliterator.Transliterate(latin));
    }

    [Theory]
    [InlineData("asdfgh")]
    [InlineData("qwerty")]
    public void Keyboard_mashing_is_not_read_as_pinyin(string latin)
    {
        var transliterator = new PinyinTransliterator(TestLexicon.Lexicon.Pinyin, ["身份证", "户口", "丢", "了", "护照"]);

        Assert.Null(transliterator.Transliterate(latin));
    }
}
