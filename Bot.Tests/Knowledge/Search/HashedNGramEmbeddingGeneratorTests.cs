using Bot.Knowledge.Search.Embeddings;
using Bot.Knowledge.Text;
using Bot.Tests.Knowledge.Text;
using Microsoft.Extensions.AI;

namespace Bot.Tests.Knowledge.Search;

public sealed class HashedNGramEmbeddingGeneratorTests
{
    [Fact]
    public async Task Embedding_analysed_tokens_gives_the_vector_of_the_text_and_fitting_on_tokens_equals_fitting_on_texts()
    {
        string[] corpus = ["身份证丢了怎么补办", "护照到期换发", "给孩子上户口", "身份证到期换领"];
        var onTexts = new HashedNGramEmbeddingGenerator(TestLexicon.Analyzer, 256);
        var onTokens = new HashedNGramEmbeddingGenerator(TestLexicon.Analyzer, 256);
        onTexts.Fit(corpus);
        onTokens.Fit(corpus.Select(t => TestLexicon.Analyzer.Analyze(t)).ToList());

        foreach (var text in corpus.Append("身分证补办"))
        {
            var expected = (await onTexts.GenerateAsync([text]))[0].Vector.ToArray();

            Assert.Equal(expected, onTokens.Embed(TestLexicon.Analyzer.Analyze(text)));
        }
    }

    [Fact]
    public void Embedding_a_build_corpus_by_token_ids_gives_the_vectors_of_its_texts()
    {
        string[] corpus = ["身份证丢了怎么补办", "护照到期换发", "给孩子上户口", "身份证到期换领", "我想开个小饭馆", "sfz过期了"];
        var analysed = AnalysedCorpus.Analyse(TestLexicon.Analyzer, corpus.Append("医师资格考试什么时候考"));
        var onIds = new HashedNGramEmbeddingGenerator(TestLexicon.Analyzer, 256);
        var onTokens = new HashedNGramEmbeddingGenerator(TestLexicon.Analyzer, 256);
        onIds.Fit(analysed.Vocabulary, corpus.Select(analysed.Tokens).ToList());
        onTokens.Fit(corpus.Select(t => TestLexicon.Analyzer.Analyze(t)).ToList());

        // The last text is outside the fitted corpus: its tokens weigh as unseen ones, by id as by text.
        foreach (var text in corpus.Append("医师资格考试什么时候考"))
        {
            var expected = onTokens.Embed(TestLexicon.Analyzer.Analyze(text));

            Assert.Equal(expected, onIds.Embed(analysed.Tokens(text)));
            Assert.Equal(expected, onIds.Embed(TestLexicon.Analyzer.Analyze(text)));
        }

        Assert.Equal(onTokens.Embed(TestLexicon.Analyzer.Analyze("身分证补办")), onIds.Embed(TestLexicon.Analyzer.Analyze("身分证补办")));
    }
}
