using System.Data;
using System.Data.Common;

namespace Bot.Knowledge.Search.Evaluation;

/// <summary>
/// The baseline a team would build instead of the hybrid engine: PostgreSQL's pg_trgm over each document's
/// names and aliases (no segmentation, no synonyms, no examples), with answer / clarify / none thresholds
/// calibrated on the same left-out aliases and out-of-scope requests as the hybrid's (<see cref="CalibrateAsync"/>).
/// Evaluation only; it takes any open ADO.NET connection to a PostgreSQL database with pg_trgm available and
/// keeps its rows in the table <c>eval_trigram_baseline</c>.
/// </summary>
public sealed class TrigramBaseline(DbConnection connection) : IEvaluatedSearch
{
    private static readonly string[] IndexedFields = ["name", "title", "alias"];
    private Dictionary<string, SearchDocument> _documents = [];

    /// <summary>The scoring function and thresholds in use.</summary>
    public TrigramThresholds Thresholds { get; set; } = TrigramThresholds.Uncalibrated;

    /// <inheritdoc />
    public async Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_trgm", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("DROP TABLE IF EXISTS eval_trigram_baseline", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("CREATE TABLE eval_trigram_baseline (document_id text NOT NULL, text text NOT NULL)", cancellationToken).ConfigureAwait(false);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO eval_trigram_baseline (document_id, text) VALUES ($1, $2)";
            var id = insert.CreateParameter();
            var text = insert.CreateParameter();
            insert.Parameters.Add(id);
            insert.Parameters.Add(text);
            foreach (var document in documents)
            {
                foreach (var field in document.Fields.Where(f => IndexedFields.Contains(f.Name) && !string.IsNullOrWhiteSpace(f.Text)))
                {
                    id.Value = document.Id;
                    text.Value = field.Text;
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync("CREATE INDEX ON eval_trigram_baseline USING gin (text gin_trgm_ops)", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync("ANALYZE eval_trigram_baseline", cancellationToken).ConfigureAwait(false);
        _documents = documents.ToDictionary(d => d.Id);
    }

    /// <inheritdoc />
    public async Task<QueryOutcome> RankAsync(string query, CancellationToken cancellationToken = default)
    {
        var scores = await ScoreAsync(query, cancellationToken).ConfigureAwait(false);
        var ranked = Rank(scores, Thresholds.Scoring).Take(5)
            .Select(s => new SearchHit(s.Id, _documents[s.Id].Kind, _documents[s.Id].Name, Math.Round(s.Score, 4)))
            .ToList();
        var (decision, offered) = Decide(ranked.Select(h => h.Score).ToList(), Thresholds);
        return new QueryOutcome(decision, ranked, ranked.Take(offered).ToList());
    }

    /// <summary>
    /// Indexes <paramref name="split"/>'s documents, asks its queries, and keeps the scoring function and
    /// thresholds that maximise <see cref="DecisionUtility"/> on them (the hybrid's calibration, applied to pg_trgm).
    /// </summary>
    public async Task<(TrigramThresholds Thresholds, double Utility)> CalibrateAsync(HeldOutSplit split, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(split);
        await IndexAsync(split.Indexed, cancellationToken).ConfigureAwait(false);
        var observed = new List<(LabelledQuery Query, IReadOnlyList<DocumentScores> Scores)>();
        foreach (var query in split.Queries)
        {
            observed.Add((query, await ScoreAsync(query.Query, cancellationToken).ConfigureAwait(false)));
        }

        var best = (Thresholds: TrigramThresholds.Uncalibrated, Utility: double.NegativeInfinity);
        foreach (var scoring in Enum.GetValues<TrigramScoring>())
        {
            var ranked = observed.Select(o =>
            {
                var top = Rank(o.Scores, scoring).Take(4).ToList();
                return (o.Query.ExpectsNone, Scores: top.Select(t => t.Score).ToList(),
                    TopRight: top.Count > 0 && o.Query.Expected.Contains(top[0].Id), Top3Right: top.Take(3).Any(t => o.Query.Expected.Contains(t.Id)));
            }).ToList();
            for (var answer = 0.1; answer <= 0.951; answer += 0.025)
            {
                for (var clarify = 0.05; clarify < answer; clarify += 0.025)
                {
                    foreach (var margin in new[] { 0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3 })
                    {
                        var thresholds = new TrigramThresholds(scoring, Math.Round(answer, 3), Math.Round(clarify, 3), margin);
                        var utility = DecisionUtility.Score(ranked.Select(r =>
                            new CalibrationOutcome(r.ExpectsNone, Decide(r.Scores, thresholds).Decision, r.TopRight, r.Top3Right)));
                        if (utility > best.Utility)
                        {
                            best = (thresholds, utility);
                        }
                    }
                }
            }
        }

        Thresholds = best.Thresholds;
        return best;
    }

    private static (SearchDecision Decision, int Offered) Decide(IReadOnlyList<double> ranked, TrigramThresholds thresholds)
    {
        if (ranked.Count == 0 || ranked[0] < thresholds.Clarify)
        {
            return (SearchDecision.None, 0);
        }

        var second = ranked.Count > 1 ? ranked[1] : 0;
        return ranked[0] >= thresholds.Answer && ranked[0] - second >= thresholds.Margin
            ? (SearchDecision.Answer, 1)
            : (SearchDecision.Clarify, Math.Max(1, ranked.Take(3).Count(s => s >= thresholds.Clarify)));
    }

    private static IEnumerable<(string Id, double Score)> Rank(IReadOnlyList<DocumentScores> scores, TrigramScoring scoring) => scores
        .Select(s => (s.Id, Score: scoring switch
        {
            TrigramScoring.Similarity => s.Similarity,
            TrigramScoring.TextInQuery => s.TextInQuery,
            TrigramScoring.QueryInText => s.QueryInText,
            _ => Math.Max(s.Similarity, Math.Max(s.TextInQuery, s.QueryInText)),
        }))
        .OrderByDescending(s => s.Score)
        .ThenBy(s => s.Id, StringComparer.Ordinal);

    private async Task<IReadOnlyList<DocumentScores>> ScoreAsync(string query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT document_id, max(similarity(text, $1))::float8, max(word_similarity(text, $1))::float8, max(word_similarity($1, text))::float8
            FROM eval_trigram_baseline GROUP BY document_id
            """;
        var parameter = command.CreateParameter();
        parameter.Value = query;
        command.Parameters.Add(parameter);
        var scores = new List<DocumentScores>(_documents.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            scores.Add(new DocumentScores(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)));
        }

        return scores;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record DocumentScores(string Id, double Similarity, double TextInQuery, double QueryInText);
}
