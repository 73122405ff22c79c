using System.Numerics.Tensors;

namespace Bot.Knowledge.Search.Vectors;

/// <summary>
/// Exact nearest-neighbour search in process: vectors are normalised on insert, so cosine similarity is
/// one SIMD dot product per point (System.Numerics.Tensors). Readers work on an immutable snapshot that
/// writers replace, so a rebuild never shows a half-filled index.
/// </summary>
public sealed class InMemoryVectorIndex : IVectorIndex
{
    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot = Snapshot.Empty(0);

    /// <summary>Number of points.</summary>
    public int Count => _snapshot.Points.Count;

    /// <inheritdoc />
    public Task RecreateAsync(int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        _snapshot = Snapshot.Empty(dimensions);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken = default)
    {
        lock (_writeLock)
        {
            var current = _snapshot;
            var byId = new Dictionary<Guid, int>(current.Points.Count);
            var stored = new List<VectorPoint>(current.Points);
            for (var i = 0; i < stored.Count; i++)
            {
                byId[stored[i].Id] = i;
            }

            foreach (var point in points)
            {
                if (point.Vector.Length != current.Dimensions)
                {
                    throw new ArgumentException($"Point {point.Id} has {point.Vector.Length} dimensions; the index holds {current.Dimensions}.", nameof(points));
                }

                var normalised = point with { Vector = Normalise(point.Vector.Span) };
                if (byId.TryGetValue(point.Id, out var at))
                {
                    stored[at] = normalised;
                }
                else
                {
                    byId[point.Id] = stored.Count;
                    stored.Add(normalised);
                }
            }

            _snapshot = new Snapshot(current.Dimensions, stored);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VectorMatch>> SearchAsync(
        ReadOnlyMemory<float> vector, int top, SearchDocumentKind? kind = null, CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (top <= 0 || snapshot.Points.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<VectorMatch>>([]);
        }

        if (vector.Length != snapshot.Dimensions)
        {
            throw new ArgumentException($"Query has {vector.Length} dimensions; the index holds {snapshot.Dimensions}.", nameof(vector));
        }

        var query = Normalise(vector.Span);
        var best = new PriorityQueue<int, float>(top + 1);
        for (var i = 0; i < snapshot.Points.Count; i++)
        {
            var point = snapshot.Points[i];
            if (kind is not null && point.Kind != kind)
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(query, point.Vector.Span);
            if (best.Count < top)
            {
                best.Enqueue(i, similarity);
            }
            else if (best.TryPeek(out _, out var worst) && similarity > worst)
            {
                best.DequeueEnqueue(i, similarity);
            }
        }

        var matches = new VectorMatch[best.Count];
        for (var k = matches.Length - 1; k >= 0; k--)
        {
            best.TryDequeue(out var index, out var similarity);
            var point = snapshot.Points[index];
            matches[k] = new VectorMatch(point.Id, point.DocumentId, point.Kind, point.Text, similarity);
        }

        return Task.FromResult<IReadOnlyList<VectorMatch>>(matches);
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        lock (_writeLock)
        {
            var remove = ids.ToHashSet();
            var current = _snapshot;
            _snapshot = new Snapshot(current.Dimensions, current.Points.Where(p => !remove.Contains(p.Id)).ToList());
        }

        return Task.CompletedTask;
    }

    private static float[] Normalise(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm(copy);
        if (norm > 0)
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }

    private sealed record Snapshot(int Dimensions, IReadOnlyList<VectorPoint> Points)
    {
        public static Snapshot Empty(int dimensions) => new(dimensions, []);
    }
}
