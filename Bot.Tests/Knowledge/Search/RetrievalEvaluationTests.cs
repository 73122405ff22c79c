using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Embeddings;
using Bot.Knowledge.Search.Evaluation;
using Bot.Knowledge.Search.Vectors;
using Bot.Tests.Knowledge.Search.Evaluation;
using Bot.Tests.Knowledge.Text;
using Xunit.Abstractions;

namespace Bot.Tests.Knowledge.Search;

/// <summary>
/// Retrieval quality on the knowledge seed: dev.tsv (used while developing) must meet issue 4's targets (top-1
/// ≥ 0.95, top-3 ≥ 0.99, out-of-scope rejection ≥ 0.95, answer precision ≥ 0.98); Data/heldout.tsv and
/// Data/heldout2.tsv (written apart from it and from the seed's aliases, never tuned on) have floors: nothing out
/// of scope or near the catalogue may be answered; wrong answers stay rare; the answered-right floors sit a margin
/// below what the engine reaches, so that a regression shows. Data/heldout3.tsv was written from the catalogue's
/// names alone, after the other sets and before the seed's second round of phrasing, by someone who saw neither the
/// seed nor the other sets; the seed's authors never saw it. It is held to issue 4's targets with a small margin
/// (top-3 ≥ 0.98 rather than 0.99: one query is half a point of it).
/// </summary>
public sealed class RetrievalEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dev_and_held_out_queries_meet_the_quality_floors()
    {
        var seed = EvaluationFiles.SeedDirectory();

        var documents = SeedDocuments.Load(seed);
        using var search = CreateSearch(DecisionFromEnvironment());
        await search.IndexAsync(documents);
        output.WriteLine($"{documents.Count} documents from {seed}");

        var heldOut = await EvaluationReport.RunAsync(search, LabelledQuery.ReadTsv(EvaluationFiles.TestData("heldout.tsv")));
        output.WriteLine(heldOut.Summary("held-out"));
        output.WriteLine(heldOut.Misses());

        var heldOut2 = await EvaluationReport.RunAsync(search, LabelledQuery.ReadTsv(EvaluationFiles.TestData("heldout2.tsv")));
        output.WriteLine(heldOut2.Summary("held-out 2"));
        output.WriteLine(heldOut2.Misses());

        var heldOut3 = await EvaluationReport.RunAsync(search, LabelledQuery.ReadTsv(EvaluationFiles.TestData("heldout3.tsv")));
        output.WriteLine(heldOut3.Summary("held-out 3"));
        output.WriteLine(heldOut3.Misses());

        var dev = await EvaluationReport.RunAsync(search, LabelledQuery.ReadTsv(EvaluationFiles.DevSet()));
        output.WriteLine(dev.Summary("dev"));
        output.WriteLine(dev.Misses());
        foreach (var (report, name) in new[] { (dev, "dev"), (heldOut, "held-out"), (heldOut2, "held-out 2"), (heldOut3, "held-out 3") })
        {
            output.WriteLine(report.Headline(name));
        }

        Assert.Equal(86, documents.Count);
        // Issue 4's dev targets.
        var devHeadline = dev.Headline("dev");
        Assert.True(dev.Top1 >= 0.95, devHeadline);
        Assert.True(dev.RecallAt3 >= 0.99, devHeadline);
        Assert.True(dev.OutOfScopeRejection >= 0.95, devHeadline);
        Assert.True(dev.AnswerPrecision >= 0.98, devHeadline);
        Assert.Equal(0, dev.NoneAnswered);
        foreach (var (report, name, answeredRight) in new[] { (heldOut, "held-out", 0.38), (heldOut2, "held-out 2", 0.6) })
        {
            var summary = report.Summary(name);
            Assert.Equal(0, report.NoneAnswered);
            Assert.True(report.WrongAnswers <= 0.02 * report.InScopeCount, summary);
            Assert.True(report.RecallAt3 >= 0.9, summary);
            Assert.True(report.AnsweredCorrectRate >= answeredRight, summary);
            Assert.True(report.ClarifyOffersRight >= 0.95, summary);
            Assert.True(report.NoneRecall >= 0.8, summary);
        }

        // Unseen phrasing: issue 4's targets are the aim there too.
        var unseen = heldOut3.Summary("held-out 3");
        Assert.True(heldOut3.Top1 >= 0.95, unseen);
        Assert.True(heldOut3.RecallAt3 >= 0.98, unseen);
        Assert.True(heldOut3.OutOfScopeRejection >= 0.95, unseen);
        Assert.True(heldOut3.AnswerPrecision >= 0.98, unseen);
        Assert.True(heldOut3.AnsweredCorrectRate >= 0.6, unseen);
    }

    /// <summary>
    /// GOVDOORPLATE_DECISION="lexical,vector,classifier,answer,clarify,margin" tries other settings
    /// without a rebuild (for curators comparing calibrations); unset, the defaults apply.
    /// </summary>
    private static DecisionOptions? DecisionFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable("GOVDOORPLATE_DECISION");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new DecisionOptions { LexicalWeight = v[0], VectorWeight = v[1], ClassifierWeight = v[2], AnswerThreshold = v[3], ClarifyThreshold = v[4], AnswerMargin = v[5] };
    }

    internal static HybridKnowledgeSearch CreateSearch(DecisionOptions? decision = null) => new(
        TestLexicon.Analyzer,
        new HashedNGramEmbeddingGenerator(TestLexicon.Analyzer),
        new InMemoryVectorIndex(),
        decision ?? new DecisionOptions());
}
