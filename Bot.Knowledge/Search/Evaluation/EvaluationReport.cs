using System.Globalization;
using System.Text;

namespace Bot.Knowledge.Search.Evaluation;

/// <summary>
/// Retrieval and decision quality of one query set (issue 4's figures: top-1, top-3, out-of-scope rejection,
/// answer precision, the decision mix), with the misses listed for a curator.
/// </summary>
public sealed class EvaluationReport
{
    private readonly List<Row> _rows = [];

    /// <summary>Queries evaluated.</summary>
    public int Count => _rows.Count;

    /// <summary>In-scope queries whose top hit is right.</summary>
    public double Top1 => Ratio(InScope.Count(r => r.Ranked.Count > 0 && IsExpected(r, r.Ranked[0])), InScopeCount);

    /// <summary>In-scope queries with a right document among the top three.</summary>
    public double RecallAt3 => Ratio(InScope.Count(r => r.Ranked.Take(3).Any(h => IsExpected(r, h))), InScopeCount);

    /// <summary>Queries with nothing fitting that were not answered (clarify or none).</summary>
    public double OutOfScopeRejection => Ratio(OutOfScope.Count(r => r.Decision != SearchDecision.Answer), OutOfScopeCount);

    /// <summary>Of all answer decisions, the share whose top hit is right (an answered out-of-scope query is wrong).</summary>
    public double AnswerPrecision => Ratio(
        _rows.Count(r => r.Decision == SearchDecision.Answer && !r.Query.ExpectsNone && IsExpected(r, r.Ranked[0])),
        _rows.Count(r => r.Decision == SearchDecision.Answer));

    /// <summary>Of the queries decided none, how many had nothing fitting.</summary>
    public double NonePrecision => Ratio(OutOfScope.Count(r => r.Decision == SearchDecision.None), _rows.Count(r => r.Decision == SearchDecision.None));

    /// <summary>Of the queries with nothing fitting, how many were decided none.</summary>
    public double NoneRecall => Ratio(OutOfScope.Count(r => r.Decision == SearchDecision.None), OutOfScopeCount);

    /// <summary>Queries with nothing fitting that were answered anyway: the costly mistake.</summary>
    public int NoneAnswered => OutOfScope.Count(r => r.Decision == SearchDecision.Answer);

    /// <summary>In-scope queries answered with a wrong document.</summary>
    public int WrongAnswers => InScope.Count(r => r.Decision == SearchDecision.Answer && !IsExpected(r, r.Ranked[0]));

    /// <summary>Right decision: none for none; for the others an answer with a right id, or a clarification offering one.</summary>
    public double DecisionAccuracy => Ratio(_rows.Count(IsRight), _rows.Count);

    /// <summary>In-scope queries answered outright.</summary>
    public double AnswerRate => Ratio(InScope.Count(r => r.Decision == SearchDecision.Answer), InScopeCount);

    /// <summary>In-scope queries answered outright with a right document: the citizen is served without a question.</summary>
    public double AnsweredCorrectRate => Ratio(InScope.Count(r => r.Decision == SearchDecision.Answer && IsExpected(r, r.Ranked[0])), InScopeCount);

    /// <summary>In-scope queries answered with a question back.</summary>
    public double ClarifyRate => Ratio(InScope.Count(r => r.Decision == SearchDecision.Clarify), InScopeCount);

    /// <summary>Of the in-scope clarifications, how many offered a right document among the candidates shown.</summary>
    public double ClarifyOffersRight => Ratio(
        InScope.Count(r => r.Decision == SearchDecision.Clarify && r.Offered.Any(h => IsExpected(r, h))),
        InScope.Count(r => r.Decision == SearchDecision.Clarify));

    /// <summary>In-scope queries decided none.</summary>
    public int InScopeNone => InScope.Count(r => r.Decision == SearchDecision.None);

    /// <summary>Queries some document fits.</summary>
    public int InScopeCount => InScope.Count();

    /// <summary>Queries nothing fits.</summary>
    public int OutOfScopeCount => OutOfScope.Count();

    /// <summary>Share of all queries decided <paramref name="decision"/>.</summary>
    public double Share(SearchDecision decision) => Ratio(_rows.Count(r => r.Decision == decision), _rows.Count);

    private IEnumerable<Row> InScope => _rows.Where(r => !r.Query.ExpectsNone);

    private IEnumerable<Row> OutOfScope => _rows.Where(r => r.Query.ExpectsNone);

    /// <summary>Runs <paramref name="queries"/> through the hybrid engine as it is indexed.</summary>
    public static Task<EvaluationReport> RunAsync(HybridKnowledgeSearch search, IEnumerable<LabelledQuery> queries, CancellationToken cancellationToken = default) =>
        RunAsync(new HybridUnderEvaluation(search), queries, cancellationToken);

    /// <summary>Runs <paramref name="queries"/> through any engine as it is indexed.</summary>
    public static async Task<EvaluationReport> RunAsync(IEvaluatedSearch search, IEnumerable<LabelledQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(queries);
        var report = new EvaluationReport();
        foreach (var query in queries)
        {
            var outcome = await search.RankAsync(query.Query, cancellationToken).ConfigureAwait(false);
            report._rows.Add(new Row(query, outcome.Decision, outcome.Ranked, outcome.Offered));
        }

        return report;
    }

    /// <summary>One report over the queries of several (e.g. the folds of a cross-validation).</summary>
    public static EvaluationReport Combine(IEnumerable<EvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var combined = new EvaluationReport();
        foreach (var report in reports)
        {
            combined._rows.AddRange(report._rows);
        }

        return combined;
    }

    /// <summary>The issue's four figures and the decision mix, on one line.</summary>
    public string Headline(string name) => string.Format(CultureInfo.InvariantCulture,
        "{0}: {1} queries ({2} in scope, {3} out of scope) | top-1 {4:P1} | top-3 {5:P1} | out-of-scope rejection {6:P1} | answer precision {7:P1} | answer {8:P1} clarify {9:P1} none {10:P1}",
        name, Count, InScopeCount, OutOfScopeCount, Top1, RecallAt3, OutOfScopeRejection, AnswerPrecision,
        Share(SearchDecision.Answer), Share(SearchDecision.Clarify), Share(SearchDecision.None));

    /// <summary>Every figure, on one line.</summary>
    public string Summary(string name) => string.Format(CultureInfo.InvariantCulture,
        "{0}: {1} queries ({10} in scope) | top-1 {2:P1} | recall@3 {3:P1} | answered right {11:P1} | clarify {12:P1} (offers a right one {13:P1}) | in-scope none {14} | none precision {4:P1} recall {5:P1} | decision accuracy {6:P1} | answer rate {7:P1} | none answered {8} | wrong answers {9} | out-of-scope rejection {15:P1} | answer precision {16:P1}",
        name, Count, Top1, RecallAt3, NonePrecision, NoneRecall, DecisionAccuracy, AnswerRate, NoneAnswered, WrongAnswers,
        InScopeCount, AnsweredCorrectRate, ClarifyRate, ClarifyOffersRight, InScopeNone, OutOfScopeRejection, AnswerPrecision);

    /// <summary>A table of the issue's figures, one column per engine.</summary>
    public static string SideBySide(IReadOnlyList<(string Name, EvaluationReport Report)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var builder = new StringBuilder();
        void Line(string label, Func<EvaluationReport, string> cell) =>
            builder.Append(CultureInfo.InvariantCulture, $"{label,-24}").AppendLine(string.Concat(columns.Select(c => $"{cell(c.Report),16}")));
        string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

        builder.Append(' ', 24).AppendLine(string.Concat(columns.Select(c => $"{c.Name,16}")));
        Line("queries (in / out)", r => $"{r.InScopeCount} / {r.OutOfScopeCount}");
        Line("top-1", r => Percent(r.Top1));
        Line("top-3", r => Percent(r.RecallAt3));
        Line("out-of-scope rejection", r => Percent(r.OutOfScopeRejection));
        Line("answer precision", r => Percent(r.AnswerPrecision));
        Line("answered right", r => Percent(r.AnsweredCorrectRate));
        Line("decisions a / c / n", r => $"{r.Share(SearchDecision.Answer) * 100:F0}/{r.Share(SearchDecision.Clarify) * 100:F0}/{r.Share(SearchDecision.None) * 100:F0} %");
        return builder.ToString();
    }

    /// <summary>
    /// Every query not served by a right answer (MISS: wrong; ask: a clarification offering a right one), with
    /// the top three hits and, for the hybrid engine, each signal; GOVDOORPLATE_EVAL_ALL=1 lists every query.
    /// </summary>
    public string Misses()
    {
        var all = Environment.GetEnvironmentVariable("GOVDOORPLATE_EVAL_ALL") == "1";
        var builder = new StringBuilder();
        foreach (var row in _rows.Where(r => all || !IsRight(r) || r.Decision != SearchDecision.Answer))
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"  {(IsRight(row) ? "ask " : "MISS")} {row.Query.Query} expected {(row.Query.ExpectsNone ? "none" : string.Join(',', row.Query.Expected))} got {row.Decision}/{row.Offered.Count}:");
            foreach (var hit in row.Ranked.Take(3))
            {
                builder.Append(CultureInfo.InvariantCulture, $" {hit.Id} {hit.Score:F3}");
                if (hit.Signals is { } s)
                {
                    builder.Append(CultureInfo.InvariantCulture,
                        $" (lex {s.Lexical:F2} vec {s.Vector:F2} clf {s.Classifier:F2} out {s.Outside:F2} nm {s.NearMiss:F2} nf {string.Join('/', s.NotForWords)} [{string.Join(' ', s.MatchedTerms.Take(4))}] ~{s.NearestExample})");
                }

                builder.Append(';');
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    private static bool IsExpected(Row row, SearchHit hit) => row.Query.Expected.Contains(hit.Id);

    private static bool IsRight(Row row) => row.Query.ExpectsNone
        ? row.Decision == SearchDecision.None
        : row.Decision switch
        {
            SearchDecision.Answer => IsExpected(row, row.Ranked[0]),
            SearchDecision.Clarify => row.Offered.Any(h => IsExpected(row, h)),
            _ => false,
        };

    private sealed record Row(LabelledQuery Query, SearchDecision Decision, IReadOnlyList<SearchHit> Ranked, IReadOnlyList<SearchHit> Offered);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1 : (double)numerator / denominator;
}
