namespace Bot.Knowledge.Search.Evaluation;

/// <summary>An engine the evaluation can index and query: the hybrid search or a baseline.</summary>
public interface IEvaluatedSearch
{
    /// <summary>Replaces the index with <paramref name="documents"/>.</summary>
    Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Ranks and decides one query.</summary>
    Task<QueryOutcome> RankAsync(string query, CancellationToken cancellationToken = default);
}
