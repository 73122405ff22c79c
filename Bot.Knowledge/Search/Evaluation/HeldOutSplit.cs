namespace Bot.Knowledge.Search.Evaluation;

/// <summary>Documents to index with some of their own texts taken out, and those texts as labelled queries.</summary>
public sealed record HeldOutSplit(IReadOnlyList<SearchDocument> Indexed, IReadOnlyList<LabelledQuery> Queries)
{
    /// <summary>
    /// The calibration split (docs/decisions/0003): every fourth alias and every third FAQ question of each
    /// document, from the second on, are left out and asked; <paramref name="outOfScope"/> (requests nothing
    /// fits) are asked too. Both the hybrid's thresholds and the pg_trgm baseline's are tuned on it.
    /// </summary>
    public static HeldOutSplit ForCalibration(IReadOnlyList<SearchDocument> documents, IEnumerable<LabelledQuery> outOfScope)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var queries = new List<LabelledQuery>();
        var indexed = documents.Select(d =>
        {
            var aliasOrdinal = 0;
            var faqOrdinal = 0;
            var kept = new List<SearchField>();
            foreach (var field in d.Fields)
            {
                if ((field.Name == "alias" && aliasOrdinal++ % 4 == 1) || (field.Name == "faq" && faqOrdinal++ % 3 == 1))
                {
                    queries.Add(new LabelledQuery(field.Text, [d.Id], "item"));
                }
                else
                {
                    kept.Add(field);
                }
            }

            return d with { Fields = kept };
        }).ToList();
        queries.AddRange(outOfScope);
        return new HeldOutSplit(indexed, queries);
    }

    /// <summary>
    /// Fold <paramref name="fold"/> of a k-fold cross-validation over the documents' own aliases: alias i of
    /// document d belongs to fold (i + d) mod k; that fold's aliases are left out of the index and asked, every
    /// other alias and field stays. A left-out alias expects every document that lists it. <paramref name="outOfScope"/>
    /// are asked in every fold.
    /// </summary>
    public static HeldOutSplit ForAliasFold(IReadOnlyList<SearchDocument> documents, int folds, int fold, IEnumerable<LabelledQuery> outOfScope)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(fold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fold, folds);
        var listing = documents
            .SelectMany(d => d.Fields.Where(f => f.Name == "alias").Select(f => (f.Text, d.Id)))
            .ToLookup(x => x.Text, x => x.Id, StringComparer.Ordinal);
        var queries = new List<LabelledQuery>();
        var indexed = documents.Select((d, ordinal) =>
        {
            var alias = 0;
            var kept = new List<SearchField>();
            foreach (var field in d.Fields)
            {
                if (field.Name == "alias" && (alias++ + ordinal) % folds == fold)
                {
                    queries.Add(new LabelledQuery(field.Text, listing[field.Text].Distinct().ToList(), "alias"));
                }
                else
                {
                    kept.Add(field);
                }
            }

            return d with { Fields = kept };
        }).ToList();
        queries.AddRange(outOfScope);
        return new HeldOutSplit(indexed, queries);
    }
}
