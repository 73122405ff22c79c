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
internal sealed class ExampleClassifier
{
    private const int Epochs = 12;
    private const float LearningRate = 0.6f;
    private const float Decay = 1e-4f;

    private readonly Dictionary<string, float[]> _weights;
    private readonly float[] _bias;

    private ExampleClassifier(Dictionary<string, float[]> weights, float[] bias)
    {
        _weights = weights;
        _bias = bias;
    }

    public static ExampleClassifier Train(IReadOnlyList<(int Label, IReadOnlyList<Token> Tokens)> examples, int classes)
    {
        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var bias = new float[classes];
        var features = examples.Select(e => (e.Label, Features: Featurise(e.Tokens))).ToArray();
        foreach (var (_, list) in features)
        {
            foreach (var (key, _) in list)
            {
                if (!weights.ContainsKey(key))
                {
                    weights[key] = new float[classes];
                }
            }
        }

        // Rows resolved once, so training touches no dictionary in its inner loop.
        var rows = features.Select(f => f.Features.Select(x => (Row: weights[x.Key], x.Value)).ToArray()).ToArray();
        var random = new Random(20240601);
        var order = Enumerable.Range(0, features.Length).ToArray();
        var scores = new float[classes];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + (epoch * 0.3f));
            foreach (var index in order)
            {
                var label = features[index].Label;
                var example = rows[index];
                bias.CopyTo(scores, 0);
                foreach (var (row, value) in example)
                {
                    TensorPrimitives.MultiplyAdd(row, value, scores, scores);
                }

                Softmax(scores);
                scores[label] -= 1f;
                TensorPrimitives.MultiplyAdd(scores, -rate, bias, bias);
                foreach (var (row, value) in example)
                {
                    // row ← row·(1 − rate·decay) − rate·value·gradient
                    TensorPrimitives.Multiply(row, 1 - (rate * Decay), row);
                    TensorPrimitives.MultiplyAdd(scores, -rate * value, row, row);
                }
            }
        }

        return new ExampleClassifier(weights, bias);
    }

    /// <summary>The probability of each document for the query tokens.</summary>
    public float[] Predict(IReadOnlyList<Token> tokens)
    {
        var probabilities = new float[_bias.Length];
        Predict(_weights, _bias, Featurise(tokens), probabilities);
        return probabilities;
    }

    private static void Predict(Dictionary<string, float[]> weights, float[] bias, List<(string Key, float Value)> features, float[] probabilities)
    {
        bias.CopyTo(probabilities, 0);
        foreach (var (key, value) in features)
        {
            if (weights.TryGetValue(key, out var row))
            {
                TensorPrimitives.MultiplyAdd(row, value, probabilities, probabilities);
            }
        }

        Softmax(probabilities);
    }

    private static void Softmax(float[] values)
    {
        var max = values.Max();
        float sum = 0;
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = MathF.Exp(values[c] - max);
            sum += values[c];
        }

        for (var c = 0; c < values.Length; c++)
        {
            values[c] /= sum;
        }
    }

    private static List<(string Key, float Value)> Featurise(IReadOnlyList<Token> tokens)
    {
        var values = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            values[token.Key] = TokenWeights.Of(token.Kind) * token.Weight;
        }

        var norm = MathF.Sqrt(values.Values.Sum(v => v * v));
        return values.Select(p => (p.Key, norm > 0 ? p.Value / norm : 0f)).ToList();
    }
}
