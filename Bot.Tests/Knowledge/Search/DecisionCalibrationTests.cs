using System.Globalization;
using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Evaluation;
using Bot.Knowledge.Search.Ranking;
using Bot.Tests.Knowledge.Search.Evaluation;
using Xunit.Abstractions;

namespace Bot.Tests.Knowledge.Search;

/// <summary>
/// Calibrates fusion weights and decision thresholds on data that is neither dev.tsv nor the held-out set:
/// every fourth alias and every third FAQ question of each document are taken out of the index and asked
/// as queries (they must be found),
/// and Data/calibration-none.tsv holds requests nothing fits (they must not be answered). Prints the best
/// settings; DecisionOptions' defaults come from this run.
/// </summary>
public sealed class DecisionCalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Decision_thresholds_are_calibrated_on_left_out_aliases_and_out_of_scope_requests()
    {
        var seed = EvaluationFiles.SeedDirectory();

        var documents = SeedDocuments.Load(seed);
        var (reduced, queries) = HeldOutSplit.ForCalibration(documents, LabelledQuery.ReadTsv(EvaluationFiles.TestData("calibration-none.tsv")));

        using var search = RetrievalEvaluationTests.CreateSearch();
        await search.IndexAsync(reduced);
        var observed = new List<(LabelledQuery Query, IReadOnlyList<SearchHit> Hits)>();
        foreach (var query in queries)
        {
            observed.Add((query, (await search.ExplainAsync(query.Query, 20)).Hits));
        }

        var results = new List<(double Utility, string Settings, DecisionOptions Options)>();
        for (var lexical = 0.1; lexical <= 0.81; lexical += 0.1)
        {
            for (var vector = 0.0; lexical + vector <= 0.91; vector += 0.1)
            {
                var weights = new DecisionOptions { LexicalWeight = Math.Round(lexical, 2), VectorWeight = Math.Round(vector, 2), ClassifierWeight = Math.Round(1 - lexical - vector, 2) };
                var ranked = observed.Select(o => Rank(o.Query, o.Hits, weights)).ToList();
                for (var answer = 0.2; answer <= 0.71; answer += 0.025)
                {
                    for (var clarify = 0.1; clarify < answer; clarify += 0.025)
                    {
                        foreach (var margin in new[] { 0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3 })
                        {
                            var options = new DecisionOptions
                            {
                                LexicalWeight = weights.LexicalWeight,
                                VectorWeight = weights.VectorWeight,
                                ClassifierWeight = weights.ClassifierWeight,
                                AnswerThreshold = Math.Round(answer, 3),
                                ClarifyThreshold = Math.Round(clarify, 3),
                                AnswerMargin = margin,
                                LeadThreshold = 1.0,
                            };
                            results.Add((Utility(ranked, options), Describe(options), options));
                        }
                    }
                }
            }
        }

        var best = results.OrderByDescending(r => r.Utility).Take(10).ToList();
        output.WriteLine($"{queries.Count} calibration queries ({queries.Count(q => q.ExpectsNone)} out of scope) over {documents.Count} documents");
        foreach (var (utility, settings, _) in best)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "utility {0:F3}: {1}", utility, settings));
        }

        // Among settings within 0.02 of the optimum, prefer the one that leans least on any single signal:
        // left-out aliases resemble the kept ones more than real queries do, which flatters the lexical signal.
        var robust = results
            .Where(r => r.Utility >= best[0].Utility - 0.02)
            .OrderByDescending(r => Math.Min(r.Options.LexicalWeight, Math.Min(r.Options.VectorWeight, r.Options.ClassifierWeight)))
            .ThenByDescending(r => r.Utility)
            .First();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "robust choice: utility {0:F3}: {1}", robust.Utility, robust.Settings));

        // Second stage, on the default weights and thresholds (the left-out aliases flatter the lexical signal,
        // so the weights stay balanced): the relative-lead answer rule and the near-miss veto's strength.
        var defaults = new DecisionOptions();
        var robustRanked = observed.Select(o => Rank(o.Query, o.Hits, defaults)).ToList();
        var stage2 = new List<(double Utility, DecisionOptions Options)>();
        foreach (var leadThreshold in Enumerable.Range(0, 17).Select(i => Math.Round(0.3 + (i * 0.025), 3)).Append(1.0))
        {
            foreach (var lead in Enumerable.Range(0, 9).Select(i => Math.Round(0.3 + (i * 0.05), 2)))
            {
                foreach (var outside in new[] { 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1.0 })
                {
                    var options = Copy(defaults);
                    options.LeadThreshold = leadThreshold;
                    options.AnswerLead = lead;
                    options.OutsideThreshold = outside;
                    stage2.Add((Utility(robustRanked, options), options));
                }
            }
        }

        var bestLead = stage2.OrderByDescending(r => r.Utility).ThenByDescending(r => r.Options.LeadThreshold).First();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "with the relative lead: utility {0:F3}: {1}", bestLead.Utility, Describe(bestLead.Options)));

        var current = new DecisionOptions();
        var currentUtility = Utility(observed.Select(o => Rank(o.Query, o.Hits, current)).ToList(), current);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "defaults: utility {0:F3}: {1}", currentUtility, Describe(current)));
        Assert.True(currentUtility >= bestLead.Utility - 0.01, "DecisionOptions' defaults are far from the calibrated optimum; recalibrate.");
    }

    private static DecisionOptions Copy(DecisionOptions o) => new()
    {
        LexicalWeight = o.LexicalWeight,
        VectorWeight = o.VectorWeight,
        ClassifierWeight = o.ClassifierWeight,
        AnswerThreshold = o.AnswerThreshold,
        AnswerMargin = o.AnswerMargin,
        ClarifyThreshold = o.ClarifyThreshold,
        ClarifyBand = o.ClarifyBand,
        LeadThreshold = o.LeadThreshold,
        AnswerLead = o.AnswerLead,
        OutsideThreshold = o.OutsideThreshold,
        NearMissSimilarity = o.NearMissSimilarity,
    };

    private sealed record Ranked(bool ExpectsNone, IReadOnlyList<DecisionPolicy.Candidate> Candidates, bool TopRight, bool Top3Right);

    private static Ranked Rank(LabelledQuery query, IReadOnlyList<SearchHit> hits, DecisionOptions weights)
    {
        var ranked = hits
            .Select(h => (h.Id, h.Signals, Score: (weights.LexicalWeight * Math.Min(1, h.Signals!.Lexical)) + (weights.VectorWeight * Math.Max(0, h.Signals.Vector)) + (weights.ClassifierWeight * h.Signals.Classifier)))
            .OrderByDescending(h => h.Score)
            .Take(4)
            .ToList();
        return new Ranked(
            query.ExpectsNone,
            ranked.Select(h => new DecisionPolicy.Candidate(h.Score, h.Signals!)).ToList(),
            ranked.Count > 0 && query.Expected.Contains(ranked[0].Id),
            ranked.Take(3).Any(h => query.Expected.Contains(h.Id)));
    }

    /// <summary>The shared calibration objective (<see cref="DecisionUtility"/>), for the decisions these options make.</summary>
    private static double Utility(List<Ranked> ranked, DecisionOptions options) => DecisionUtility.Score(
        ranked.Select(r => new CalibrationOutcome(r.ExpectsNone, DecisionPolicy.Decide(r.Candidates, options).Decision, r.TopRight, r.Top3Right)));

    private static string Describe(DecisionOptions o) => string.Format(CultureInfo.InvariantCulture,
        "weights lexical {0:F2} vector {1:F2} classifier {2:F2}; answer >= {3:F3} with margin {4:F2}, or >= {6:F3} with relative lead {7:F2}; clarify >= {5:F3}; near miss none from {8:F2}",
        o.LexicalWeight, o.VectorWeight, o.ClassifierWeight, o.AnswerThreshold, o.AnswerMargin, o.ClarifyThreshold, o.LeadThreshold, o.AnswerLead, o.OutsideThreshold);
}
