namespace Bot.Knowledge.Search.Evaluation;

/// <summary>
/// Guards against memorising: k-fold cross-validation over the documents' own aliases (each fold indexed
/// without its aliases and queried with them), pooled into one report.
/// </summary>
public static class CrossValidation
{
    /// <summary>The k.</summary>
    public const int DefaultFolds = 5;

    /// <summary>
    /// Runs every fold through <paramref name="search"/> (which is left indexed with the last fold) and pools
    /// the results; <paramref name="outOfScope"/> are asked in every fold, so the out-of-scope figures hold too.
    /// </summary>
    public static async Task<EvaluationReport> RunAsync(
        IEvaluatedSearch search,
        IReadOnlyList<SearchDocument> documents,
        IReadOnlyList<LabelledQuery> outOfScope,
        int folds = DefaultFolds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var reports = new List<EvaluationReport>();
        for (var fold = 0; fold < folds; fold++)
        {
            var split = HeldOutSplit.ForAliasFold(documents, folds, fold, outOfScope);
            await search.IndexAsync(split.Indexed, cancellationToken).ConfigureAwait(false);
            reports.Add(await EvaluationReport.RunAsync(search, split.Queries, cancellationToken).ConfigureAwait(false));
        }

        return EvaluationReport.Combine(reports);
    }
}
