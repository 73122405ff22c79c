namespace Bot.Knowledge.Search.Evaluation;

/// <summary>The hybrid engine as the evaluation sees it: its decision, and its explained ranking for the misses.</summary>
public sealed class HybridUnderEvaluation(HybridKnowledgeSearch search) : IEvaluatedSearch
{
    /// <inheritdoc />
    public Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default) =>
        search.IndexAsync(documents, cancellationToken);

    /// <inheritdoc />
    public async Task<QueryOutcome> RankAsync(string query, CancellationToken cancellationToken = default)
    {
        var decided = await search.SearchAsync(query, 5, cancellationToken).ConfigureAwait(false);
        var explained = await search.ExplainAsync(query, 5, cancellationToken).ConfigureAwait(false);
        return new QueryOutcome(decided.Decision, explained.Hits, decided.Hits);
    }
}
