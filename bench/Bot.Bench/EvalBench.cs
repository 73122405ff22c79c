using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Evaluation;
using Npgsql;

namespace Bot.Bench;

/// <summary>
/// Issue 4's evaluation: a labelled TSV (default dev.tsv) through the search the host builds from the validated
/// seed, printing top-1, top-3, out-of-scope rejection, answer precision, the decision mix and the misses; with
/// <c>--kfold</c> also 5-fold cross-validation over the seed's own aliases; when BENCH_POSTGRES holds a connection
/// string, the pg_trgm baseline side by side (its thresholds calibrated on the hybrid's calibration data first).
/// </summary>
internal static class EvalBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Path.Combine(AppContext.BaseDirectory, "data", "dev.tsv");
        var kfold = args.Contains("--kfold");
        var queries = LabelledQuery.ReadTsv(file);
        var documents = SeedDocuments.Load(Path.Combine(AppContext.BaseDirectory, "knowledge-seed"));
        using var search = KnowledgeSearchFactory.Create(new SearchOptions());
        var hybrid = new HybridUnderEvaluation(search);
        Console.WriteLine($"{documents.Count} documents from the seed; {queries.Count} queries from {file}");

        await hybrid.IndexAsync(documents);
        var columns = new List<(string Name, EvaluationReport Report)> { ("hybrid", await EvaluationReport.RunAsync(hybrid, queries)) };
        Console.WriteLine(columns[0].Report.Headline("hybrid"));
        Console.Write(columns[0].Report.Misses());
        if (args.Contains("--dump"))
        {
            await DumpAsync(search, queries);
        }

        var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
        await using var connection = string.IsNullOrWhiteSpace(postgres) ? null : new NpgsqlConnection(postgres);
        var baseline = connection is null ? null : new TrigramBaseline(connection);
        if (baseline is not null)
        {
            var calibration = HeldOutSplit.ForCalibration(documents, LabelledQuery.ReadTsv(Path.Combine(AppContext.BaseDirectory, "data", "calibration-none.tsv")));
            var (thresholds, utility) = await baseline.CalibrateAsync(calibration);
            Console.WriteLine($"pg_trgm calibrated on {calibration.Queries.Count} calibration queries: {thresholds} (utility {utility:F3})");
            await baseline.IndexAsync(documents);
            columns.Add(("pg_trgm", await EvaluationReport.RunAsync(baseline, queries)));
            Console.WriteLine(columns[1].Report.Headline("pg_trgm"));
        }
        else
        {
            Console.WriteLine("BENCH_POSTGRES is not set: no pg_trgm baseline (scripts/bench.sh eval starts a cluster and sets it)");
        }

        if (kfold)
        {
            var outOfScope = queries.Where(q => q.ExpectsNone).ToList();
            columns.Add(("hybrid 5-fold", await CrossValidation.RunAsync(hybrid, documents, outOfScope)));
            Console.WriteLine(columns[^1].Report.Headline("hybrid 5-fold"));
            if (baseline is not null)
            {
                columns.Add(("pg_trgm 5-fold", await CrossValidation.RunAsync(baseline, documents, outOfScope)));
                Console.WriteLine(columns[^1].Report.Headline("pg_trgm 5-fold"));
            }
        }

        Console.WriteLine();
        Console.Write(EvaluationReport.SideBySide(columns));
        return 0;
    }

    /// <summary>
    /// Every query's decision and top five with their signals, one line each, so that two builds of the search can be
    /// compared with diff: a refactor of the index should leave every line as it was.
    /// </summary>
    private static async Task DumpAsync(HybridKnowledgeSearch search, IReadOnlyList<LabelledQuery> queries)
    {
        foreach (var query in queries)
        {
            var result = await search.ExplainAsync(query.Query, 5);
            var hits = result.Hits.Select(h => FormattableString.Invariant(
                $"{h.Id} {h.Score:F4} l{h.Signals?.Lexical:F4} v{h.Signals?.Vector:F4} c{h.Signals?.Classifier:F4} o{h.Signals?.Outside:F4} n{h.Signals?.NearMiss:F4} [{string.Join(',', h.Signals?.MatchedTerms ?? [])}] {h.Signals?.NearestExample}"));
            Console.WriteLine($"dump\t{query.Query}\t{result.Decision}\t{string.Join(" | ", hits)}");
        }
    }
}
