namespace Bot.Knowledge.Search.Vectors;

/// <summary>
/// An inverted index over the dimensions of sparse vectors: for each dimension, the points that set it and their
/// value. A query walks only the postings of its own non-zero dimensions, so it costs what the query shares with
/// the points rather than points × dimensions, and the similarities it returns are exact.
/// </summary>
internal sealed class DimensionPostings
{
    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly int[][] _points;
    private readonly float[][] _values;
    private readonly int _count;

    private DimensionPostings(int[][] points, float[][] values, int count)
    {
        _points = points;
        _values = values;
        _count = count;
    }

    /// <summary>Builds the postings of sparse <paramref name="vectors"/> in <paramref name="dimensions"/> dimensions.</summary>
    public static DimensionPostings Build(IReadOnlyList<SparseVector> vectors, int dimensions)
    {
        var lengths = new int[dimensions];
        foreach (var vector in vectors)
        {
            foreach (var d in vector.Dimensions!)
            {
                lengths[d]++;
            }
        }

        var points = lengths.Select(n => new int[n]).ToArray();
        var values = lengths.Select(n => new float[n]).ToArray();
        Array.Clear(lengths);
        for (var p = 0; p < vectors.Count; p++)
        {
            var vector = vectors[p];
            for (var i = 0; i < vector.Dimensions!.Length; i++)
            {
                var d = vector.Dimensions[i];
                points[d][lengths[d]] = p;
                values[d][lengths[d]++] = vector.Values[i];
            }
        }

        return new DimensionPostings(points, values, vectors.Count);
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with every point that shares a dimension with the query and its dot product
    /// with it; points that share none have similarity 0 and are not visited.
    /// </summary>
    public void Score(ReadOnlySpan<float> query, Action<int, float> visit)
    {
        var scratch = _scratch is { } s && s.Sums.Length >= _count ? s : _scratch = new Scratch(_count);
        var touched = scratch.Touched;
        touched.Clear();
        var sums = scratch.Sums;
        var seen = scratch.Seen;
        var generation = ++scratch.Generation;
        for (var d = 0; d < query.Length; d++)
        {
            var q = query[d];
            if (q == 0)
            {
                continue;
            }

            var points = _points[d];
            var values = _values[d];
            for (var k = 0; k < points.Length; k++)
            {
                var p = points[k];
                if (seen[p] != generation)
                {
                    seen[p] = generation;
                    sums[p] = 0;
                    touched.Add(p);
                }

                sums[p] += q * values[k];
            }
        }

        foreach (var p in touched)
        {
            visit(p, sums[p]);
        }
    }

    private sealed class Scratch(int count)
    {
        public float[] Sums { get; } = new float[count];

        public int[] Seen { get; } = new int[count];

        public List<int> Touched { get; } = [];

        public int Generation { get; set; }
    }
}
