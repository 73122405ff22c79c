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

        var best = new PriorityQueue<int, float>(top + 1);
        void Offer(int i, float similarity)
        {
            if (kind is not null && snapshot.Points[i].Kind != kind)
            {
                return;
            }

            if (best.Count < top)
            {
                best.Enqueue(i, similarity);
            }
            else if (best.TryPeek(out _, out var worst) && similarity > worst)
            {
                best.DequeueEnqueue(i, similarity);
            }
        }

        if (snapshot.Postings is { } postings)
        {
            postings.Value.Score(query, Offer);

            // Points sharing no dimension with the query have similarity 0: they fill what is left, as a scan would.
            if (best.Count < top)
            {
                var offered = best.UnorderedItems.Select(e => e.Element).ToHashSet();
                for (var i = 0; i < snapshot.Points.Length && best.Count < top; i++)
                {
                    if (!offered.Contains(i) && snapshot.Points[i].Vector.Dot(query) == 0)
                    {
                        Offer(i, 0);
                    }
                }
            }
        }
        else
        {
            for (var i = 0; i < snapshot.Points.Length; i++)
            {
                Offer(i, snapshot.Points[i].Vector.Dot(query));
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
    /// The points, and, when every one is sparse, their postings. The postings are built by the first search that
    /// needs them, not on each upsert: a rebuild upserts in batches and only the last snapshot is searched.
    /// </summary>
    private sealed class Snapshot
    {
        public Snapshot(int dimensions, Stored[] points)
        {
            Dimensions = dimensions;
            Points = points;
            Postings = points.Length > 0 && points.All(p => p.Vector.IsSparse)
                ? new Lazy<DimensionPostings>(() => DimensionPostings.Build(points.Select(p => p.Vector).ToList(), dimensions))
                : null;
        }

        public int Dimensions { get; }

        public Stored[] Points { get; }

        public Lazy<DimensionPostings>? Postings { get; }
    }
}
