namespace Bot.Knowledge.Search;

/// <summary>A point of the vector index: a normalised vector and what it belongs to.</summary>
/// <param name="Id">Point id; a UUID, as Qdrant requires.</param>
/// <param name="Vector">The embedding, L2-normalised.</param>
/// <param name="DocumentId">The catalogue id the point belongs to.</param>
/// <param name="Kind">Item or bundle, filterable at search time.</param>
/// <param name="Text">The example text the vector was made from, shown in explanations.</param>
public sealed record VectorPoint(Guid Id, ReadOnlyMemory<float> Vector, string DocumentId, SearchDocumentKind Kind, string Text);

/// <summary>A point found by a vector search, with its cosine similarity.</summary>
public sealed record VectorMatch(Guid Id, string DocumentId, SearchDocumentKind Kind, string Text, double Similarity);

/// <summary>Stores vectors and finds the nearest ones: in process, or Qdrant.</summary>
public interface IVectorIndex
{
    /// <summary>Drops the collection if it exists and creates it empty for vectors of <paramref name="dimensions"/>.</summary>
    Task RecreateAsync(int dimensions, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces points.</summary>
    Task UpsertAsync(IReadOnlyList<VectorPoint> points, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="top"/> points most similar to <paramref name="vector"/>, optionally of one kind only.</summary>
    Task<IReadOnlyList<VectorMatch>> SearchAsync(ReadOnlyMemory<float> vector, int top, SearchDocumentKind? kind = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes points by id.</summary>
    Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default);
}
