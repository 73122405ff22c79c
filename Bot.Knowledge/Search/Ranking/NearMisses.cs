using System.Numerics.Tensors;

namespace Bot.Knowledge.Search.Ranking;

/// <summary>
/// The embedded negative examples (<see cref="SearchField.NotFor"/>) of each document. A query that is at least
/// as close to one of a document's near misses as to any of its positive examples is not answered with it.
/// Few and small, so they stay in process next to the snapshot whatever the vector index.
/// </summary>
internal sealed class NearMisses
{
    public static readonly NearMisses Empty = new(new Dictionary<int, List<float[]>>());

    private readonly IReadOnlyDictionary<int, List<float[]>> _vectors;

    private NearMisses(IReadOnlyDictionary<int, List<float[]>> vectors) => _vectors = vectors;

    public static NearMisses From(IEnumerable<(int Document, ReadOnlyMemory<float> Vector)> examples)
    {
        var vectors = new Dictionary<int, List<float[]>>();
        foreach (var (document, vector) in examples)
        {
            if (!vectors.TryGetValue(document, out var list))
            {
                vectors[document] = list = [];
            }

            list.Add(vector.ToArray());
        }

        return new NearMisses(vectors);
    }

    /// <summary>Cosine similarity of the query to the document's nearest near miss; 0 when it has none.</summary>
    public double Similarity(int document, ReadOnlySpan<float> query)
    {
        if (query.IsEmpty || !_vectors.TryGetValue(document, out var list))
        {
            return 0;
        }

        double best = 0;
        foreach (var vector in list)
        {
            if (vector.Length == query.Length)
            {
                best = Math.Max(best, TensorPrimitives.CosineSimilarity(query, vector));
            }
        }

        return best;
    }
}
