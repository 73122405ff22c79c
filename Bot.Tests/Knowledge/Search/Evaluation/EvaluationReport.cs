using System.Globalization;
using System.Text;
using Bot.Knowledge.Search;

namespace Bot.Tests.Knowledge.Search.Evaluation;

/// <summary>Retrieval and decision quality of one query set.</summary>
internal sealed class EvaluationReport
{
    private readonly List<Row> _rows = [];

    public int Count => _rows.Count;

    public double Top1 => Ratio(InScope.Count(r => r.Explained.Hits.Count > 0 && r.Query.Expected.Contains(r.Explained.Hits[0].Id)), InScope.Count());

    public double RecallAt3 => Ratio(InScope.Count(r => r.Explained.Hits.Take(3).Any(h => r.Query.Expected.Contains(h.Id))), InScope.Count());

    /// <summary>Of the queries decided none, how many had nothing fitting.</summary>
    public double NonePrecision => Ratio(_rows.Count(r => r.Decision == SearchDecision.None && r.Query.ExpectsNone), _rows.Count(r => r.Decision == SearchDecision.None));

    /// <summary>Of the queries with nothing fitting, how many were decided none.</summary>
    public double NoneRecall => Ratio(_rows.Count(r => r.Decision == SearchDecision.None && r.Query.ExpectsNone), _rows.Count(r => r.Query.ExpectsNone));

    /// <summary>Queries with nothing fitting that were answered anyway: the costly mistake.</summary>
    public int NoneAnswered => _rows.Count(r => r.Query.ExpectsNone && r.Decision == SearchDecision.Answer);

    /// <summary>In-scope queries answered with a wrong document.</summary>
    public int WrongAnswers => InScope.Count(r => r.Decision == SearchDecision.Answer && !r.Query.Expected.Contains(r.Explained.Hits[0].Id));

    /// <summary>Right decision: none for none; for the others an answer with a right id, or a clarification offering one.</summary>
    public double DecisionAccuracy => Ratio(_rows.Count(IsRight), _rows.Count);

    public double AnswerRate => Ratio(InScope.Count(r => r.Decision == SearchDecision.Answer), InScope.Count());

    /// <summary>In-scope queries answered outright with a right document: the citizen is served without a question.</summary>
    public double AnsweredCorrectRate => Ratio(InScope.Count(r => r.Decision == SearchDecision.Answer && r.Query.Expected.Contains(r.Explained.Hits[0].Id)), InScope.Count());

    /// <summary>In-scope queries answered with a question back.</summary>
    public double ClarifyRate => Ratio(InScope.Count(r => r.Decision == SearchDecision.Clarify), InScope.Count());

    /// <summary>Of the in-scope clarifications, how many offered a right document among the candidates shown.</summary>
    public double ClarifyOffersRight => Ratio(
        InScope.Count(r => r.Decision == SearchDecision.Clarify && r.Offered.Any(h => r.Query.Expected.Contains(h.Id))),
        InScope.Count(r => r.Decision == SearchDecision.Clarify));

    /// <summary>In-scope queries decided none.</summary>
    public int InScopeNone => InScope.Count(r => r.Decision == SearchDecision.None);

    public int InScopeCount => InScope.Count();

    private IEnumerable<Row> InScope => _rows.Where(r => !r.Query.ExpectsNone);

    public static async Task<EvaluationReport> RunAsync(HybridKnowledgeSearch search, IEnumerable<LabelledQuery> queries)
    {
        var report = new EvaluationReport();
        foreach (var query in queries)
        {
            var decided = await search.SearchAsync(query.Query, 5);
            var explained = await search.ExplainAsync(query.Query, 5);
            report._rows.Add(new Row(query, explained with { Decision = decided.Decision }, decided.Decision, decided.Hits));
        }

        return report;
    }

    public string Summary(string name) => string.Format(CultureInfo.InvariantCulture,
        "{0}: {1} queries ({10} in scope) | top-1 {2:P1} | recall@3 {3:P1} | answered right {11:P1} | clarify {12:P1} (offers a right one {13:P1}) | in-scope none {14} | none precision {4:P1} recall {5:P1} | decision accuracy {6:P1} | answer rate {7:P1} | none answered {8} | wrong answers {9}",
        name, Count, Top1, RecallAt3, NonePrecision, NoneRecall, DecisionAccuracy, AnswerRate, NoneAnswered, WrongAnswers,
        InScopeCount, AnsweredCorrectRate, ClarifyRate, ClarifyOffersRight, InScopeNone);

    public string Misses()
    {
        var builder = new StringBuilder();
        foreach (var row in _rows.Where(r => !IsRight(r) || r.Decision != SearchDecision.Answer || Environment.GetEnvironmentVariable("GOVDOORPLATE_EVAL_ALL") == "1"))
        {
            var (query, explained, decision, offered) = row;
            builder.Append(CultureInfo.InvariantCulture, $"  {(IsRight(row) ? "ask " : "MISS")} {query.Query} expected {(query.ExpectsNone ? "none" : string.Join(',', query.Expected))} got {decision}/{offered.Count}:");
            foreach (var hit in explained.Hits.Take(3))
            {
                var s = hit.Signals;
                builder.Append(CultureInfo.InvariantCulture, $" {hit.Id} {hit.Score:F3} (lex {s?.Lexical:F2} vec {s?.Vector:F2} clf {s?.Classifier:F2} out {s?.Outside:F2} nm {s?.NearMiss:F2} nf {string.Join('/', s?.NotForWords ?? [])} [{string.Join(' ', s?.MatchedTerms.Take(4) ?? [])}] ~{s?.NearestExample});");
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    private static bool IsRight(Row row) => row.Query.ExpectsNone
        ? row.Decision == SearchDecision.None
        : row.Decision switch
        {
            SearchDecision.Answer => row.Query.Expected.Contains(row.Explained.Hits[0].Id),
            SearchDecision.Clarify => row.Offered.Any(h => row.Query.Expected.Contains(h.Id)),
            _ => false,
        };

    private sealed record Row(LabelledQuery Query, SearchResult Explained, SearchDecision Decision, IReadOnlyList<SearchHit> Offered);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1 : (double)numerator / denominator;
}
