using System.Diagnostics;
using System.Globalization;
using Bot.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Bench;

/// <summary>Retrieval alone: query latency over the full index, for the development query set.</summary>
internal static class SearchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        _ = args;
        var sqlite = Path.Combine(Path.GetTempPath(), $"govdoorplate-bench-{Guid.NewGuid():N}.db");
        await using var host = new BenchHost(new Dictionary<string, string?> { ["Store:SqlitePath"] = sqlite });
        var search = host.Services.GetRequiredService<IKnowledgeSearch>();
        var queries = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "dev.tsv")).Skip(1).Select(l => l.Split('\t')[0]).ToList();
        foreach (var query in queries) await search.SearchAsync(query, 5);
        var timings = new List<double>();
        for (var round = 0; round < 20; round++)
            foreach (var query in queries)
            {
                var clock = Stopwatch.StartNew();
                await search.SearchAsync(query, 5);
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "search   {0} queries x 20 rounds, one at a time: {1}", queries.Count, new Stats(timings).Describe()));
        File.Delete(sqlite);
        return 0;
    }
}
