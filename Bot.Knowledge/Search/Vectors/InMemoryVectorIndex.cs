using System.Numerics.Tensors;

namespace Bot.Knowledge.Search.Vectors;

/// <summary>
/// Exact nearest-neighbour search in process. Vectors are normalised on insert, so cosine similarity is a dot
/// product. Sparse vectors (the built-in hashed embedding sets a few dozen of its dimensions) are kept as their
/// non-zero dimensions and searched through an inverted index over dimensions (<see cref="DimensionPostings"/>):
/// a query costs the postings of its own dimensions, not a scan of every point. Dense vectors (an external
/// model's) are scanned with SIMD dot products; for large catalogues of those, use Qdrant. Readers work on an
/// immutable snapshot that writers replace, so a rebuild never shows a half-filled index.
/// </summary>
public sealed class InMemoryVectorIndex : IVectorIndex
{
    private readonly Lock _writeLock = new();
    private readonly List<Stored> _points = [];
    private readonly Dictionary<Guid, int> _byId = [];
    private volatile Snapshot _snapshot = new(0, []);

    /// <summary>Number of points.</summary>
    public int Count => _snapshot.Points.Length;

    /// <inheritdoc />
    public Task RecreateAsync(int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        lock (_writeLock)
        {
            _points.Clear();
            _byId.Clear();
            _snapshot = new Snapshot(dimensions, []);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        lock (_writeLock)
        {
            var dimensions = _snapshot.Dimensions;
            var stored = new Stored[points.Count];
            Parallel.For(0, points.Count, i =>
            {
                var point = points[i];
                if (point.Vector.Length != dimensions)
                {
                    throw new ArgumentException($"Point {point.Id} has {point.Vector.Length} dimensions; the index holds {dimensions}.", nameof(points));
                }

                stored[i] = new Stored(point.Id, point.DocumentId, point.Kind, point.Text, SparseVector.Normalised(point.Vector.Span));
            });
            foreach (var point in stored)
            {
                if (_byId.TryGetValue(point.Id, out var at))
                {
                    _points[at] = point;
                }
                else
                {
                    _byId[point.Id] = _points.Count;
                    _points.Add(point);
                }
            }

            _snapshot = new Snapshot(dimensions, [.. _points]);
        }

        return Task.CompletedTask;
    }

    /// <summary>Builds the search structures of the current points now rather than on the first search.</summary>
    public void Prepare() => _ = _snapshot.Postings?.Value;

    /// <inheritdoc />
    public Task<IReadOnlyList<VectorMatch>> SearchAsync(
        ReadOnlyMemory<float> vector, int top, SearchDocumentKind? kind = null, CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (top <= 0 || snapshot.Points.Length == 0)
        {
            return Task.FromResult<IReadOnlyList<VectorMatch>>([]);
        }

        if (vector.Length != snapshot.Dimensions)
        {
            throw new ArgumentException($"Query has {vector.Length} dimensions; the index holds {snapshot.Dimensions}.", nameof(vector));
        }

        var query = vector.ToArray();
        var norm = TensorPrimitives.Norm(query);
        if (norm > 0)
        {
            TensorPrimitives.Divide(query, norm, query);
        }

        Func<int, bool>? accept = kind is null ? null : i => snapshot.Points[i].Kind == kind;
        List<(int Point, float Similarity)> found;
        if (snapshot.Postings is { } postings)
        {
            found = postings.Value.Top(query, top, accept);

            // Points sharing no dimension with the query have similarity 0: they fill what is left, as a scan would.
            if (found.Count < top)
            {
                var listed = found.Select(f => f.Point).ToHashSet();
                for (var i = 0; i < snapshot.Points.Length && found.Count < top; i++)
                {
                    if (!listed.Contains(i) && (accept is null || accept(i)) && snapshot.Points[i].Vector.Dot(query) == 0)
                    {
                        found.Add((i, 0));
                    }
                }
            }
        }
        else
        {
            found = Scan(snapshot, query, top, accept);
        }

        var matches = found.Select(f =>
        {
            var point = snapshot.Points[f.Point];
            return new VectorMatch(point.Id, point.DocumentId, point.Kind, point.Text, f.Similarity);
        }).ToList();
        return Task.FromResult<IReadOnlyList<VectorMatch>>(matches);
    }

    private static List<(int Point, float Similarity)> Scan(Snapshot snapshot, float[] query, int top, Func<int, bool>? accept)
    {
        var best = new PriorityQueue<int, float>(top + 1);
        for (var i = 0; i < snapshot.Points.Length; i++)
        {
            if (accept is not null && !accept(i))
            {
                continue;
            }

            var similarity = snapshot.Points[i].Vector.Dot(query);
            if (best.Count < top)
            {
                best.Enqueue(i, similarity);
            }
            else if (best.TryPeek(out _, out var worst) && similarity > worst)
            {
                best.DequeueEnqueue(i, similarity);
            }
        }

        var found = new List<(int Point, float Similarity)>(best.Count);
        while (best.TryDequeue(out var i, out var similarity))
        {
            found.Add((i, similarity));
        }

        found.Reverse();
        return found;
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_writeLock)
        {
            var remove = ids.ToHashSet();
            _points.RemoveAll(p => remove.Contains(p.Id));
            _byId.Clear();
            for (var i = 0; i < _points.Count; i++)
            {
                _byId[_points[i].Id] = i;
            }

            _snapshot = new Snapshot(_snapshot.Dimensions, [.. _points]);
        }

        return Task.CompletedTask;
    }

    private sealed record Stored(Guid Id, string DocumentId, SearchDocumentKind Kind, string Text, SparseVector Vector);

    /// <summary>
    /// The points, and, when most are sparse, their postings. The postings are built by the first search that
    /// needs them, not on each upsert: a rebuild upserts in batches and only the last snapshot is searched.
    /// </summary>
    private sealed class Snapshot
    {
        public Snapshot(int dimensions, Stored[] points)
        {
            Dimensions = dimensions;
            Points = points;
            Postings = points.Count(p => p.Vector.IsSparse) * 2 > points.Length
                ? new Lazy<DimensionPostings>(() => DimensionPostings.Build(points.Select(p => p.Vector).ToList(), dimensions))
                : null;
        }

        public int Dimensions { get; }

        public Stored[] Points { get; }

        public Lazy<DimensionPostings>? Postings { get; }
    }
}
