using System.Numerics.Tensors;
using Bot.Knowledge.Text;
using Bot.Knowledge.Search.Lexical;

namespace Bot.Knowledge.Search.Ranking;

/// <summary>
/// A multinomial logistic regression from tokens to documents, trained on every document's examples
/// (name, title, aliases, FAQ questions…). Where similarity asks "which example looks most like the query",
/// the classifier learns which tokens tell documents apart ("丢" → 补领, "过期" → 换领), which carries over
/// to wordings no example has.
/// </summary>
/// <remarks>
/// Sparse, so that it scales with the catalogue's examples rather than features × documents: a feature holds a
/// weight only for the documents whose examples use it (its support), and features used by more than
/// <see cref="MaxSupport"/> documents hold none: they tell no document apart. A document outside a feature's
/// support scores as if its weight were 0, so each softmax step updates only the classes the example's features
/// reach (plus its label); the others' share of the denominator comes from a running sum of exp(bias). Training
/// runs 12 epochs within a budget of steps, so a very large catalogue gets fewer passes (at least 2).
/// </remarks>
internal sealed class ExampleClassifier
{
    /// <summary>Features used by more documents than this get no per-document weights.</summary>
    public const int MaxSupport = 32;

    private const int Epochs = 12;

    /// <summary>Training steps allowed in all: 12 epochs up to ≈ 170 000 examples, fewer (at least 2) above.</summary>
    private const int StepBudget = 2_000_000;
    private const float LearningRate = 0.6f;
    private const float Decay = 1e-4f;

    private readonly TokenVocabulary _vocabulary;
    private readonly Row?[] _rows;
    private readonly float[] _bias;

    private ExampleClassifier(TokenVocabulary vocabulary, Row?[] rows, float[] bias)
    {
        _vocabulary = vocabulary;
        _rows = rows;
        _bias = bias;
    }

    /// <summary>Number of classes (documents and the outside class).</summary>
    public int Classes => _bias.Length;

    /// <summary>Number of (feature, document) weights held.</summary>
    public long WeightCount => _rows.Sum(r => (long?)r?.Classes.Length ?? 0);

    /// <summary>Trains on examples analysed into <paramref name="vocabulary"/>'s ids; the vocabulary must not grow afterwards.</summary>
    public static ExampleClassifier Train(IReadOnlyList<(int Label, TokenSequence Tokens)> examples, TokenVocabulary vocabulary, int classes)
    {
        var features = new (int Label, (int Token, float Value)[] Features)[examples.Count];
        Parallel.For(0, examples.Count, () => new FeatureSet(), (i, _, set) =>
        {
            var (ids, weights) = examples[i].Tokens;
            for (var k = 0; k < ids.Count; k++)
            {
                set.Set(ids[k], TokenWeights.Of(vocabulary.Kind(ids[k])) * weights[k]);
            }

            features[i] = (examples[i].Label, set.TakeNormalised());
            return set;
        }, _ => { });
        var rows = Supports(features, vocabulary.Count);
        var bias = new float[classes];

        // Rows resolved once, so training touches no lookup in its inner loop.
        var resolved = new (Row Row, float Value)[features.Length][];
        Parallel.For(0, features.Length, i =>
        {
            var list = new List<(Row, float)>(features[i].Features.Length);
            foreach (var (token, value) in features[i].Features)
            {
                if (rows[token] is { } row)
                {
                    list.Add((row, value));
                }
            }

            resolved[i] = [.. list];
        });
        var random = new Random(20240601);
        var order = Enumerable.Range(0, features.Length).ToArray();
        var scores = new double[classes];
        var stamp = new int[classes];
        var touched = new List<int>();
        var step = 0;

        // An untouched class's bias gradient is its probability, exp(bias)/Z: applied lazily, as exp(bias) times the
        // sum of rate/Z over the steps since the class was last brought up to date (biases move little per step).
        // expOfBias[c] is exp(bias[c]), kept up to date whenever a bias moves, so that each value is computed once.
        double pending = 0;
        var caughtUp = new double[classes];
        var expOfBias = Enumerable.Repeat(Math.Exp(0f), classes).ToArray();
        double expBias = 0;
        var epochs = Math.Clamp(StepBudget / Math.Max(1, features.Length), 2, Epochs);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + (epoch * 0.3f));
            expBias = CatchUpAll();
            foreach (var index in order)
            {
                var label = features[index].Label;
                var example = resolved[index];
                step++;
                touched.Clear();
                Touch(label);
                foreach (var (row, value) in example)
                {
                    for (var j = 0; j < row.Classes.Length; j++)
                    {
                        var c = row.Classes[j];
                        Touch(c);
                        scores[c] += row.Weights[j] * value;
                    }
                }

                // Softmax over every class: the untouched ones score their bias alone.
                var denominator = expBias;
                foreach (var c in touched)
                {
                    scores[c] = Math.Exp(Math.Min(scores[c], 60));
                    denominator += scores[c] - expOfBias[c];
                }

                pending += rate / denominator;
                foreach (var c in touched)
                {
                    var gradient = (scores[c] / denominator) - (c == label ? 1 : 0);
                    scores[c] = gradient;
                    bias[c] -= (float)(rate * gradient);
                    Moved(c);
                    caughtUp[c] = pending;
                }

                foreach (var (row, value) in example)
                {
                    // row ← row·(1 − rate·decay) − rate·value·gradient
                    for (var j = 0; j < row.Classes.Length; j++)
                    {
                        row.Weights[j] = (row.Weights[j] * (1 - (rate * Decay))) - (float)(rate * value * scores[row.Classes[j]]);
                    }
                }
            }
        }

        CatchUpAll();
        return new ExampleClassifier(vocabulary, rows, bias);

        void Touch(int c)
        {
            if (stamp[c] != step)
            {
                stamp[c] = step;
                CatchUp(c);
                scores[c] = bias[c];
                touched.Add(c);
            }
        }

        void CatchUp(int c)
        {
            if (caughtUp[c] != pending)
            {
                bias[c] -= (float)(expOfBias[c] * (pending - caughtUp[c]));
                Moved(c);
                caughtUp[c] = pending;
            }
        }

        void Moved(int c)
        {
            var now = Math.Exp(bias[c]);
            expBias += now - expOfBias[c];
            expOfBias[c] = now;
        }

        double CatchUpAll()
        {
            double sum = 0;
            for (var c = 0; c < classes; c++)
            {
                CatchUp(c);
                sum += expOfBias[c];
            }

            return sum;
        }
    }

    /// <summary>The probability of each document for the query tokens.</summary>
    public float[] Predict(IReadOnlyList<Token> tokens)
    {
        var probabilities = new float[_bias.Length];
        Predict(tokens, probabilities);
        return probabilities;
    }

    /// <summary>Writes the probability of each document into the first <see cref="Classes"/> places of <paramref name="probabilities"/>.</summary>
    public void Predict(IReadOnlyList<Token> tokens, Span<float> probabilities)
    {
        probabilities = probabilities[.._bias.Length];
        _bias.CopyTo(probabilities);

        // Tokens the vocabulary lacks have no row but still count in the features' norm: each distinct one gets an id below 0.
        var set = new FeatureSet();
        var unknown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var id = _vocabulary.Find(token);
            if (id < 0 && !unknown.TryGetValue(token.Key, out id))
            {
                unknown[token.Key] = id = -1 - unknown.Count;
            }

            set.Set(id, TokenWeights.Of(token.Kind) * token.Weight);
        }

        foreach (var (id, value) in set.TakeNormalised())
        {
            if (id >= 0 && id < _rows.Length && _rows[id] is { } row)
            {
                for (var j = 0; j < row.Classes.Length; j++)
                {
                    probabilities[row.Classes[j]] += row.Weights[j] * value;
                }
            }
        }

        TensorPrimitives.SoftMax(probabilities, probabilities);
    }

    /// <summary>Each feature's support (the classes of the examples that use it), for features within <see cref="MaxSupport"/>.</summary>
    private static Row?[] Supports((int Label, (int Token, float Value)[] Features)[] examples, int vocabularySize)
    {
        var supports = new List<int>?[vocabularySize];
        var dropped = new bool[vocabularySize];
        foreach (var (label, list) in examples)
        {
            foreach (var (token, _) in list)
            {
                var support = supports[token];
                if (support is null)
                {
                    if (!dropped[token])
                    {
                        supports[token] = [label];
                    }
                }
                else if (support[^1] != label && !support.Contains(label))
                {
                    if (support.Count >= MaxSupport)
                    {
                        supports[token] = null;
                        dropped[token] = true;
                    }
                    else
                    {
                        support.Add(label);
                    }
                }
            }
        }

        return [.. supports.Select(p => p is null ? null : new Row([.. p.Order()], new float[p.Count]))];
    }

    private sealed record Row(int[] Classes, float[] Weights);
}
