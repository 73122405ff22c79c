namespace Bot.Knowledge.Search.Ranking;

/// <summary>
/// The classifier's features of one example or query: a value per token id, in order of first use, the last value
/// set winning; taken as a unit-length vector. Reused from example to example on a worker thread.
/// </summary>
internal sealed class FeatureSet
{
    private readonly Dictionary<int, int> _slots = [];
    private readonly List<(int Token, float Value)> _values = [];

    public void Set(int token, float value)
    {
        if (_slots.TryGetValue(token, out var slot))
        {
            _values[slot] = (token, value);
        }
        else
        {
            _slots[token] = _values.Count;
            _values.Add((token, value));
        }
    }

    /// <summary>The features divided by their L2 norm (summed in double, in order of first use), and a reset.</summary>
    public (int Token, float Value)[] TakeNormalised()
    {
        double sum = 0;
        foreach (var (_, value) in _values)
        {
            sum += value * value;
        }

        var norm = MathF.Sqrt((float)sum);
        var result = new (int Token, float Value)[_values.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (_values[i].Token, norm > 0 ? _values[i].Value / norm : 0f);
        }

        _slots.Clear();
        _values.Clear();
        return result;
    }
}
