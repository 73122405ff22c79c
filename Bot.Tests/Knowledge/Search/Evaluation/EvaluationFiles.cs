namespace Bot.Tests.Knowledge.Search.Evaluation;

/// <summary>The knowledge seed and the query sets, as the build copies them next to the tests.</summary>
internal static class EvaluationFiles
{
    /// <summary>knowledge-seed/ (copied from the repository by Bot.Host's build).</summary>
    public static string SeedDirectory() => Path.Combine(AppContext.BaseDirectory, "knowledge-seed");

    /// <summary>eval/dev.tsv, the development query set.</summary>
    public static string DevSet() => Path.Combine(AppContext.BaseDirectory, "data", "dev.tsv");

    /// <summary>A query set shipped with these tests (Knowledge/Search/Data).</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Search", "Data", name);
}
