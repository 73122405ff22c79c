namespace Bot.Bench;

/// <summary>
/// Benchmarks that print figures; results are recorded in docs/benchmarks.md.
/// <c>dotnet run -c Release --project bench/Bot.Bench -- turn|search|eval|directline</c>:
/// turn — full conversation turns (state load, retrieval, reply, state save) on SQLite and, when BENCH_POSTGRES holds a
/// connection string, on PostgreSQL (<c>--conversations N</c>, default 50); search — retrieval latency, index build
/// time and memory (<c>--synthetic 100000</c> adds a run at that many documents); eval — retrieval quality of a
/// labelled TSV (default dev.tsv; <c>--kfold</c> adds 5-fold cross-validation over the aliases; the pg_trgm
/// baseline side by side when BENCH_POSTGRES is set);
/// directline — concurrent Direct Line conversations over WebSocket and polling against a bare endpoint
/// (<c>--conversations 200 --turns 10 --poll-ms 100</c>);
/// handoff — live-handoff relay latency, citizen → specialist console (SignalR) and back (<c>--rounds 500</c>).
/// </summary>
internal static class BenchMain
{
    public static async Task<int> Main(string[] args) => args.FirstOrDefault() switch
    {
        "search" => await SearchBench.RunAsync(args[1..]),
        "eval" => await EvalBench.RunAsync(args[1..]),
        "directline" => await DirectLineBench.RunAsync(BenchSettings.Parse(args[1..])),
        "handoff" => await HandoffBench.RunAsync(args[1..]),
        "turn" or null => await TurnBench.RunAsync(args.Length > 0 ? args[1..] : []),
        var other => Usage(other),
    };

    private static int Usage(string mode)
    {
        Console.Error.WriteLine($"unknown benchmark '{mode}': use turn, search, eval, directline or handoff");
        return 2;
    }
}
