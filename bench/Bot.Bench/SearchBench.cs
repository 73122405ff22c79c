using System.Diagnostics;
using System.Globalization;
using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Evaluation;
using Bot.Knowledge.Text;

namespace Bot.Bench;

/// <summary>
/// Retrieval alone, on the engine the host composes from its default options: index build time and memory, and
/// query latency (dev.tsv's queries, one at a time), at catalogue size and, with <c>--synthetic N</c>, with the
/// seed plus made-up items up to N documents (several sizes: <c>--synthetic 10000,100000</c>). Before a large build
/// it estimates the index's memory from its examples and skips the build when that exceeds <c>--max-gb</c>
/// (default 8): the machine is shared. <c>--rounds N</c> sets the rounds at catalogue size (default 20; 3 above).
/// </summary>
internal static class SearchBench
{
    /// <summary>Managed bytes the built index holds per example, measured at 10 000 and 100 000 items (≈ 0.9–1 KB), with headroom.</summary>
    private const long BytesPerExample = 2048;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = OptionText(args, "--synthetic")?.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList() ?? [];
        var maxBytes = Option(args, "--max-gb", 8) * (1L << 30);
        var rounds = Option(args, "--rounds", 20);
        Console.WriteLine($"load average {LoadAverage()}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        var options = new SearchOptions();
        var analyzer = KnowledgeSearchFactory.CreateAnalyzer(options);
        var seed = SeedDocuments.Load(Path.Combine(AppContext.BaseDirectory, "knowledge-seed"));
        var queries = LabelledQuery.ReadTsv(Path.Combine(AppContext.BaseDirectory, "data", "dev.tsv")).Select(q => q.Query).ToList();

        await MeasureAsync("catalogue", seed, analyzer, options, queries, rounds, maxBytes);
        foreach (var size in sizes.Where(n => n > seed.Count))
        {
            var documents = seed.Concat(SyntheticCatalogue.Generate(seed, analyzer, size - seed.Count)).ToList();
            await MeasureAsync($"{size} items", documents, analyzer, options, queries, rounds: 3, maxBytes);
        }

        Console.WriteLine($"load average {LoadAverage()}");
        return 0;
    }

    private static async Task MeasureAsync(
        string name, IReadOnlyList<SearchDocument> documents, TextAnalyzer analyzer, SearchOptions options, List<string> queries, int rounds, long maxBytes)
    {
        var examples = documents.Sum(d => d.Fields.Count(f => !f.IsNegative && f.Weight > 0 && !string.IsNullOrWhiteSpace(f.Text)));
        var estimate = examples * BytesPerExample;
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0,-14} {1} documents, {2} examples; estimated index {3}; load average {4}", name, documents.Count, examples, Size(estimate), LoadAverage()));
        if (estimate > maxBytes)
        {
            Console.WriteLine($"{name,-14} not built: the estimate exceeds --max-gb {maxBytes >> 30}");
            return;
        }

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var search = KnowledgeSearchFactory.Create(options, analyzer: analyzer);
        var clock = Stopwatch.StartNew();
        await search.IndexAsync(documents);
        var build = clock.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0,-14} index build {1:F2} s; index on the managed heap {2}; GC heap {3}; working set {4} (peak {5})",
            name, build.TotalSeconds, Size(heapAfter - heapBefore), Size(GC.GetGCMemoryInfo().HeapSizeBytes), Size(process.WorkingSet64), Size(process.PeakWorkingSet64)));
        foreach (var phase in search.LastBuild?.Phases ?? [])
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0,-14}   {1,-34} {2,8:F2} s wall {3,8:F2} s CPU", name, phase.Name, phase.Elapsed.TotalSeconds, phase.ProcessorTime.TotalSeconds));
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0,-14}   {1,-34} {2,8:F2} s wall {3,8:F2} s CPU", name, "build in all", search.LastBuild?.Elapsed.TotalSeconds, search.LastBuild?.ProcessorTime.TotalSeconds));

        clock.Restart();
        await search.SearchAsync(queries[0], 5);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-14} first query {1:F2} ms", name, clock.Elapsed.TotalMilliseconds));
        foreach (var query in queries)
        {
            await search.SearchAsync(query, 5);
        }

        var timings = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var query in queries)
            {
                clock.Restart();
                await search.SearchAsync(query, 5);
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"{name,-14} search, {queries.Count} queries x {rounds} rounds, one at a time: {new Stats(timings).Describe()}; load average {LoadAverage()}");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string Size(long bytes) => string.Format(CultureInfo.InvariantCulture, "{0:F1} MB", bytes / 1048576.0);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
