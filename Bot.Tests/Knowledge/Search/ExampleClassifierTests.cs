using Bot.Knowledge.Search.Ranking;
using Bot.Knowledge.Text;

namespace Bot.Tests.Knowledge.Search;

/// <summary>The sparse classifier on made-up classes, each with words of its own and words every class shares.</summary>
public sealed class ExampleClassifierTests
{
    [Fact]
    public void Each_class_is_learnt_from_its_own_words_and_wins_on_a_new_mix_of_them()
    {
        var (examples, classes) = Examples(classes: 40);
        var classifier = Train(examples, classes);

        for (var c = 0; c < classes; c++)
        {
            // Two of the class's words in an order no example has, plus shared filler.
            var probabilities = classifier.Predict([Word($"k{c}b"), Word($"k{c}a"), Word("shared0"), Word("shared1")]);

            Assert.Equal(c, Array.IndexOf(probabilities, probabilities.Max()));
            Assert.Equal(1, probabilities.Sum(), 3);
        }
    }

    [Fact]
    public void Words_used_by_more_than_the_support_limit_hold_no_weights()
    {
        var (examples, classes) = Examples(classes: ExampleClassifier.MaxSupport + 20);
        var classifier = Train(examples, classes);

        // Each class's three own words hold one weight each; the shared words, used by every class, none.
        Assert.Equal(3L * classes, classifier.WeightCount);
    }

    [Fact]
    public void A_class_whose_words_the_query_lacks_is_not_favoured_by_its_prior()
    {
        var (examples, classes) = Examples(classes: 6);
        var classifier = Train(examples, classes);

        var probabilities = classifier.Predict([Word("k2a")]);

        Assert.All(Enumerable.Range(0, classes).Where(c => c != 2), c => Assert.True(probabilities[2] > 2 * probabilities[c]));
    }

    private static (List<(int Label, IReadOnlyList<Token> Tokens)> Examples, int Classes) Examples(int classes)
    {
        var examples = new List<(int, IReadOnlyList<Token>)>();
        for (var c = 0; c < classes; c++)
        {
            examples.Add((c, [Word($"k{c}a"), Word("shared0")]));
            examples.Add((c, [Word($"k{c}b"), Word("shared1")]));
            examples.Add((c, [Word($"k{c}c"), Word($"k{c}a"), Word("shared0"), Word("shared1")]));
        }

        return (examples, classes);
    }

    private static ExampleClassifier Train(List<(int Label, IReadOnlyList<Token> Tokens)> examples, int classes)
    {
        var vocabulary = new TokenVocabulary();
        return ExampleClassifier.Train(examples.Select(e => (e.Label, vocabulary.Intern(e.Tokens))).ToList(), vocabulary, classes);
    }

    private static Token Word(string text) => new(TokenKind.Word, text);
}
