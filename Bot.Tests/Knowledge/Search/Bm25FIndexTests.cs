using Bot.Knowledge.Search.Lexical;
using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Search;

/// <summary>The BM25F postings against BM25F computed document by document.</summary>
public sealed class Bm25FIndexTests
{
    private static readonly string[] Vocabulary = ["身份证", "补办", "丢了", "护照", "户口", "结婚", "社保", "医保", "执照", "个体"];

    [Fact]
    public void Scores_and_matched_terms_from_postings_equal_a_document_by_document_computation()
    {
        var random = new Random(11);
        var documents = Enumerable.Range(0, 200).Select(_ => (IReadOnlyList<Field>)
        [
            new Field("name", 3, RandomTokens(random, 1, 3)),
            new Field("alias", 2, RandomTokens(random, 2, 8)),
        ]).ToList();
        var vocabulary = new TokenVocabulary();
        var index = Bm25FIndex.Build(
            documents.Select(d => (IReadOnlyList<AnalyzedField>)[.. d.Select(f => new AnalyzedField(f.Name, f.Weight, vocabulary.Intern(f.Tokens)))]).ToList(),
            vocabulary,
            IdfTable.FromValues([]));

        for (var q = 0; q < 30; q++)
        {
            var query = RandomTokens(random, 1, 5).Append(new Token(TokenKind.Word, "天气")).ToList();
            var scores = index.Score(query);
            var expected = BruteForce(documents, query);
            for (var d = 0; d < documents.Count; d++)
            {
                Assert.Equal(expected[d].Score, scores[d], 1e-5);
                Assert.Equal(expected[d].Matched, scores.MatchedTerms(d));
            }
        }
    }

    private static List<Token> RandomTokens(Random random, int min, int max) => Enumerable.Range(0, random.Next(min, max + 1))
        .Select(_ => new Token(random.Next(4) == 0 ? TokenKind.Bigram : TokenKind.Word, Vocabulary[random.Next(Vocabulary.Length)], 0.5f + (float)(random.NextDouble() / 2)))
        .ToList();

    /// <summary>BM25F as written (k1 1.2, b 0.5), each document scored on its own.</summary>
    private static List<(double Score, List<string> Matched)> BruteForce(List<IReadOnlyList<Field>> documents, List<Token> query)
    {
        const double k1 = 1.2, b = 0.5;
        var average = documents.SelectMany(d => d).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => Math.Max(1, g.Average(f => f.Tokens.Count)));
        double Idf(int n) => Math.Log(1 + ((documents.Count - n + 0.5) / (n + 0.5)));
        var distinct = query.DistinctBy(t => t.Key).ToList();
        var ceiling = 0.0;
        foreach (var token in distinct)
        {
            var n = documents.Count(d => d.Any(f => f.Tokens.Any(t => t.Key == token.Key)));
            ceiling += n == 0
                ? Idf(0) * TokenWeights.Of(token.Kind) * token.Weight * TokenWeights.UnseenFactor(token, IdfTable.FromValues([]))
                : Idf(n) * TokenWeights.Of(token.Kind) * token.Weight;
        }

        return documents.Select(d =>
        {
            var contributions = new List<(string Key, double Value)>();
            foreach (var token in distinct)
            {
                var frequency = d.Sum(f => f.Tokens.Count(t => t.Key == token.Key) * (double)f.Weight / (1 - b + (b * f.Tokens.Count / average[f.Name])));
                if (frequency > 0)
                {
                    var n = documents.Count(x => x.Any(f => f.Tokens.Any(t => t.Key == token.Key)));
                    contributions.Add((token.Key, Idf(n) * TokenWeights.Of(token.Kind) * token.Weight * frequency / (k1 + frequency)));
                }
            }

            return (contributions.Sum(c => c.Value) / ceiling, contributions.OrderByDescending(c => c.Value).Take(8).Select(c => c.Key).ToList());
        }).ToList();
    }

    private sealed record Field(string Name, float Weight, List<Token> Tokens);
}
