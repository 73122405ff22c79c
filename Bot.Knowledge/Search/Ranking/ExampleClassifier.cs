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

    private readonly Dictionary<string, Row> _rows;
    private readonly float[] _bias;

    private ExampleClassifier(Dictionary<string, Row> rows, float[] bias)
    {
        _rows = rows;
        _bias = bias;
    }

    /// <summary>Number of classes (documents and the outside class).</summary>
    public int Classes => _bias.Length;

    /// <summary>Number of (feature, document) weights held.</summary>
    public long WeightCount => _rows.Values.Sum(r => (long)r.Classes.Length);

    public static ExampleClassifier Train(IReadOnlyList<(int Label, IReadOnlyList<Token> Tokens)> examples, int classes)
    {
        var features = new (int Label, (string Key, float Value)[] Features)[examples.Count];
        Parallel.For(0, examples.Count, i => features[i] = (examples[i].Label, Featurise(examples[i].Tokens)));
        var rows = Supports(features);
        var bias = new float[classes];

        // Rows resolved once, so training touches no dictionary in its inner loop.
        var resolved = new (Row Row, float Value)[features.Length][];
        Parallel.For(0, features.Length, i =>
        {
            var list = new List<(Row, float)>(features[i].Features.Length);
            foreach (var (key, value) in features[i].Features)
            {
                if (rows.TryGetValue(key, out var row))
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
        double pending = 0;
        var caughtUp = new double[classes];
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
                    denominator += scores[c] - Math.Exp(bias[c]);
                }

                pending += rate / denominator;
                foreach (var c in touched)
                {
                    var gradient = (scores[c] / denominator) - (c == label ? 1 : 0);
                    scores[c] = gradient;
                    var old = bias[c];
                    bias[c] -= (float)(rate * gradient);
                    expBias += Math.Exp(bias[c]) - Math.Exp(old);
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
        return new ExampleClassifier(rows, bias);

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
                var old = bias[c];
                bias[c] -= (float)(Math.Exp(old) * (pending - caughtUp[c]));
                expBias += Math.Exp(bias[c]) - Math.Exp(old);
                caughtUp[c] = pending;
            }
        }

        double CatchUpAll()
        {
            double sum = 0;
            for (var c = 0; c < classes; c++)
            {
                CatchUp(c);
                sum += Math.Exp(bias[c]);
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
        foreach (var (key, value) in Featurise(tokens))
        {
            if (_rows.TryGetValue(key, out var row))
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
    private static Dictionary<string, Row> Supports((int Label, (string Key, float Value)[] Features)[] examples)
    {
        var supports = new Dictionary<string, List<int>?>(StringComparer.Ordinal);
        foreach (var (label, list) in examples)
        {
            foreach (var (key, _) in list)
            {
                if (!supports.TryGetValue(key, out var support))
                {
                    supports[key] = [label];
                }
                else if (support is not null && support[^1] != label && !support.Contains(label))
                {
                    if (support.Count >= MaxSupport)
                    {
                        supports[key] = null;
                    }
                    else
                    {
                        support.Add(label);
                    }
                }
            }
        }

        return supports
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => new Row([.. p.Value!.Order()], new float[p.Value!.Count]), StringComparer.Ordinal);
    }

    private static (string Key, float Value)[] Featurise(IReadOnlyList<Token> tokens)
    {
        var values = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            values[token.Key] = TokenWeights.Of(token.Kind) * token.Weight;
        }

        var norm = MathF.Sqrt(values.Values.Sum(v => v * v));
        return values.Select(p => (p.Key, norm > 0 ? p.Value / norm : 0f)).ToArray();
    }

    private sealed record Row(int[] Classes, float[] Weights);
}
