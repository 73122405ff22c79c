using Bot.Knowledge.Search.Evaluation;
using Bot.Tests.Knowledge.Search.Evaluation;
using Xunit.Abstractions;

namespace Bot.Tests.Knowledge.Search;

/// <summary>
/// Guards against memorising: 5-fold cross-validation over the seed's own aliases (each fold indexed without its
/// aliases and asked them), with dev.tsv's out-of-scope queries asked in every fold. The floors are modest: a
/// left-out alias is often the only way the seed says that thing.
/// </summary>
public sealed class CrossValidationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Aliases_left_out_of_the_index_are_still_found()
    {
        var documents = SeedDocuments.Load(EvaluationFiles.SeedDirectory());
        var outOfScope = LabelledQuery.ReadTsv(EvaluationFiles.DevSet()).Where(q => q.ExpectsNone).ToList();
        using var search = RetrievalEvaluationTests.CreateSearch();

        var report = await CrossValidation.RunAsync(new HybridUnderEvaluation(search), documents, outOfScope);

        output.WriteLine(report.Headline("5-fold aliases"));
        output.WriteLine(report.Misses());
        var headline = report.Headline("5-fold aliases");
        Assert.True(report.InScopeCount > 300, headline);
        Assert.True(report.Top1 >= 0.7, headline);
        Assert.True(report.RecallAt3 >= 0.85, headline);
        Assert.True(report.OutOfScopeRejection >= 0.95, headline);
        Assert.True(report.AnswerPrecision >= 0.9, headline);
    }
}
