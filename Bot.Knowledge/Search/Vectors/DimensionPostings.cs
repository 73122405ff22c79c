namespace Bot.Knowledge.Search.Vectors;

/// <summary>
/// An inverted index over the dimensions of sparse vectors: for each dimension, the points that set it and their
/// value. A query walks only the postings of its own non-zero dimensions, so it costs what the query shares with
/// the points rather than points × dimensions, and the similarities it returns are exact. The few dense points
/// (long texts that set many dimensions) are kept aside and compared one by one.
/// </summary>
internal sealed class DimensionPostings
{
    /// <summary>
    /// Points are accumulated a block at a time: every query dimension's postings within one block of 2^16 points,
    /// then the next block, so that the block's sums (256 KB) stay in cache while the postings stream past, instead
    /// of each dimension sweeping the whole accumulator in turn. Each point still sums its dimensions in ascending
    /// order, so the similarities are the same to the bit.
    /// </summary>
    private const int BlockBits = 16;

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly int[][] _points;
    private readonly float[][] _values;
    private readonly int[][] _blockStarts;
    private readonly int _count;
    private readonly (int Point, SparseVector Vector)[] _dense;

    private DimensionPostings(int[][] points, float[][] values, int count, (int Point, SparseVector Vector)[] dense)
    {
        _points = points;
        _values = values;
        _count = count;
        _dense = dense;

        // Where each block's postings start in each dimension's list (lists are in point order).
        var blocks = (count >> BlockBits) + 1;
        _blockStarts = [.. points.Select(list =>
        {
            var starts = new int[blocks + 1];
            var k = 0;
            for (var b = 0; b <= blocks; b++)
            {
                while (k < list.Length && list[k] < b << BlockBits)
                {
                    k++;
                }

                starts[b] = k;
            }

            return starts;
        })];
    }

    /// <summary>Builds the postings of <paramref name="vectors"/> in <paramref name="dimensions"/> dimensions.</summary>
    public static DimensionPostings Build(IReadOnlyList<SparseVector> vectors, int dimensions)
    {
        var lengths = new int[dimensions];
        foreach (var vector in vectors)
        {
            foreach (var d in vector.Dimensions ?? [])
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
            if (!vector.IsSparse)
            {
                continue;
            }

            for (var i = 0; i < vector.Dimensions!.Length; i++)
            {
                var d = vector.Dimensions[i];
                points[d][lengths[d]] = p;
                values[d][lengths[d]++] = vector.Values[i];
            }
        }

        var dense = vectors.Select((v, p) => (Point: p, Vector: v)).Where(x => !x.Vector.IsSparse).ToArray();
        return new DimensionPostings(points, values, vectors.Count, dense);
    }

    /// <summary>
    /// The <paramref name="top"/> points most similar to the query (a dense, normalised vector) among those
    /// <paramref name="accept"/> lets through, best first. Only points that share a dimension with the query are
    /// found: the others have similarity 0. <paramref name="accept"/> is asked only of points good enough to enter.
    /// </summary>
    public List<(int Point, float Similarity)> Top(ReadOnlySpan<float> query, int top, Func<int, bool>? accept = null)
    {
        var scratch = _scratch is { } s && s.Sums.Length >= _count ? s : _scratch = new Scratch(_count);
        var sums = scratch.Sums.AsSpan(0, _count);
        var shared = scratch.Shared.AsSpan(0, _count);
        var dimensions = new List<(int Dimension, float Value)>();
        for (var d = 0; d < query.Length; d++)
        {
            if (query[d] != 0)
            {
                dimensions.Add((d, query[d]));
            }
        }

        var best = new PriorityQueue<int, float>(top + 1);
        var worst = float.NegativeInfinity;
        var dense = 0;
        for (var block = 0; block << BlockBits < _count; block++)
        {
            var start = block << BlockBits;
            var end = Math.Min(_count, start + (1 << BlockBits));
            sums[start..end].Clear();
            shared[start..end].Clear();
            foreach (var (d, q) in dimensions)
            {
                var points = _points[d];
                var values = _values[d];
                for (var k = _blockStarts[d][block]; k < _blockStarts[d][block + 1]; k++)
                {
                    sums[points[k]] += q * values[k];
                    shared[points[k]] = true;
                }
            }

            for (; dense < _dense.Length && _dense[dense].Point < end; dense++)
            {
                var (p, vector) = _dense[dense];
                sums[p] = vector.Dot(query);
                shared[p] = true;
            }

            for (var p = start; p < end; p++)
            {
                var similarity = sums[p];
                if ((best.Count < top || similarity > worst) && shared[p] && (accept is null || accept(p)))
                {
                    if (best.Count < top)
                    {
                        best.Enqueue(p, similarity);
                    }
                    else
                    {
                        best.DequeueEnqueue(p, similarity);
                    }

                    if (best.Count == top)
                    {
                        best.TryPeek(out _, out worst);
                    }
                }
            }
        }

        var result = new List<(int Point, float Similarity)>(best.Count);
        while (best.TryDequeue(out var p, out var similarity))
        {
            result.Add((p, similarity));
        }

        result.Reverse();
        return result;
    }

    /// <summary>Per-thread accumulators, reused across queries (cleared, not reallocated).</summary>
    private sealed class Scratch(int count)
    {
        public float[] Sums { get; } = new float[count];

        public bool[] Shared { get; } = new bool[count];
    }
}
