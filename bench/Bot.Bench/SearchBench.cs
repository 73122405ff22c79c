using System.Diagnostics;
using System.Globalization;
using Bot.Knowledge.Search;
using Bot.Knowledge.Search.Evaluation;
using Bot.Knowledge.Text;

namespace Bot.Bench;

/// <summary>
/// Retrieval alone, on the engine the host composes from its default options: index build time and memory, and
/// query latency (dev.tsv's queries, one at a time), at catalogue size and, with <c>--synthetic N</c>, with the
/// seed plus made-up items up to N documents. Before a large build it estimates the two big allocations (the
/// classifier's dense weights, one float per feature and document; the vectors) and skips the build when they
/// exceed <c>--max-gb</c> (default 8): the machine is shared.
/// </summary>
internal static class SearchBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var synthetic = Option(args, "--synthetic", 0);
        var maxBytes = Option(args, "--max-gb", 8) * (1L << 30);
        Console.WriteLine($"load average {LoadAverage()}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        var options = new SearchOptions();
        var analyzer = KnowledgeSearchFactory.CreateAnalyzer(options);
        var seed = SeedDocuments.Load(Path.Combine(AppContext.BaseDirectory, "knowledge-seed"));
        var queries = LabelledQuery.ReadTsv(Path.Combine(AppContext.BaseDirectory, "data", "dev.tsv")).Select(q => q.Query).ToList();

        await MeasureAsync("catalogue", seed, analyzer, options, queries, rounds: 20, maxBytes);
        if (synthetic > seed.Count)
        {
            var documents = seed.Concat(SyntheticCatalogue.Generate(seed, analyzer, synthetic - seed.Count)).ToList();
            await MeasureAsync($"{synthetic} items", documents, analyzer, options, queries, rounds: 3, maxBytes);
        }

        Console.WriteLine($"load average {LoadAverage()}");
        return 0;
    }

    private static async Task MeasureAsync(
        string name, IReadOnlyList<SearchDocument> documents, TextAnalyzer analyzer, SearchOptions options, List<string> queries, int rounds, long maxBytes)
    {
        // Where a build's time goes, measured apart: text analysis and embedding of every example.
        var examples = documents.SelectMany(d => d.Fields.Where(f => !f.IsNegative && f.Weight > 0 && !string.IsNullOrWhiteSpace(f.Text)).Select(f => f.Text)).ToList();
        var clock = Stopwatch.StartNew();
        var features = examples.SelectMany(t => analyzer.Analyze(t)).Select(t => t.Key).ToHashSet(StringComparer.Ordinal).Count;
        var analysis = clock.Elapsed;
        var classifierBytes = (long)features * (documents.Count + 1) * sizeof(float);
        var vectorBytes = (long)examples.Count * options.Embedding.Dimensions * sizeof(float);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0,-14} {1} documents, {2} examples, {3} distinct features: analysis {4:F2} s; estimated classifier weights {5}, vectors {6}",
            name, documents.Count, examples.Count, features, analysis.TotalSeconds, Size(classifierBytes), Size(vectorBytes)));
        if (classifierBytes + vectorBytes > maxBytes)
        {
            Console.WriteLine($"{name,-14} not built: the estimate exceeds --max-gb {maxBytes >> 30}");
            return;
        }

        using (var embeddings = KnowledgeSearchFactory.CreateEmbeddings(options, analyzer))
        {
            clock.Restart();
            if (embeddings is Bot.Knowledge.Search.Embeddings.ICorpusFittedGenerator fitted)
            {
                fitted.Fit(examples);
            }

            _ = await embeddings.GenerateAsync(examples);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-14} embedding every example alone: {1:F2} s", name, clock.Elapsed.TotalSeconds));
        }

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var search = KnowledgeSearchFactory.Create(options, analyzer: analyzer);
        clock.Restart();
        await search.IndexAsync(documents);
        var build = clock.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "{0,-14} index build {1:F2} s; index on the managed heap {2}; GC heap {3}; working set {4} (peak {5})",
            name, build.TotalSeconds, Size(heapAfter - heapBefore), Size(GC.GetGCMemoryInfo().HeapSizeBytes), Size(process.WorkingSet64), Size(process.PeakWorkingSet64)));

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

        Console.WriteLine($"{name,-14} search, {queries.Count} queries x {rounds} rounds, one at a time: {new Stats(timings).Describe()}");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Size(long bytes) => string.Format(CultureInfo.InvariantCulture, "{0:F1} MB", bytes / 1048576.0);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
