using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Text;

/// <summary>The parallel build-time analysis into token ids against analysing each text on its own.</summary>
public sealed class AnalysedCorpusTests
{
    private static readonly string[] Phrases =
    [
        "身份证丢了怎么补办", "護照到期換發", "给孩子上户口", "我想开个小饭馆", "营业执照在哪里办", "sfz过期了",
        "社保卡怎么激活", "结婚登记要带什么", "驾照扣分查询", "公积金提取", "个体工商户设立登记", "出生医学证明",
        "居住证办理", "ETC怎么申请", "退休金领取资格认证", "医保异地备案", "不动产登记证明", "残疾人证申领",
    ];

    [Fact]
    public void Ids_read_back_as_the_tokens_each_text_analysed_alone_gives_across_several_ranges()
    {
        // Enough distinct texts that several ranges, each with a vocabulary of its own, are merged.
        var texts = Phrases.SelectMany(a => Phrases.Select(b => a + "，" + b))
            .SelectMany(t => Enumerable.Range(0, 25).Select(n => n % 2 == 0 ? $"{t} {n}" : $"请问{t}第{n}次"))
            .ToList();
        var analyzer = TestLexicon.Analyzer;

        var corpus = AnalysedCorpus.Analyse(analyzer, texts.Concat(texts.Take(10)));

        foreach (var text in texts)
        {
            var expected = analyzer.Analyze(text);
            var sequence = corpus.Tokens(text);
            Assert.Equal(analyzer.Normalizer.Normalize(text), corpus.Normalized(text));
            Assert.Equal(expected.Count, sequence.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i], corpus.Vocabulary.Token(sequence.Ids[i]) with { Weight = sequence.Weights[i] });
                Assert.Equal(sequence.Ids[i], corpus.Vocabulary.Find(expected[i]));
            }
        }
    }
}
