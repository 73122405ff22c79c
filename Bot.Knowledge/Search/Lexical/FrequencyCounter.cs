namespace Bot.Knowledge.Search.Lexical;

/// <summary>
/// Sums a value per token id for one document at a time, remembering the order in which ids were first added; one
/// per worker thread, sized to the vocabulary and reused from document to document.
/// </summary>
internal sealed class FrequencyCounter(int vocabularySize)
{
    private readonly float[] _sums = new float[vocabularySize];
    private readonly int[] _slot = new int[vocabularySize];
    private readonly List<int> _order = [];

    public void Add(int token, float value)
    {
        // _slot holds 1 + the token's place in _order while it is counted, 0 otherwise.
        if (_slot[token] == 0)
        {
            _order.Add(token);
            _slot[token] = _order.Count;
            _sums[token] = 0;
        }

        _sums[token] += value;
    }

    /// <summary>The sums in order of first use, and a reset for the next document.</summary>
    public (int Token, float Frequency)[] Take()
    {
        var result = new (int Token, float Frequency)[_order.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var token = _order[i];
            result[i] = (token, _sums[token]);
            _slot[token] = 0;
        }

        _order.Clear();
        return result;
    }
}
