namespace Bot.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Bot.Bench -- directline [--conversations 200] [--turns 10] [--poll-ms 100]</c>.
/// Loopback only, bounded in count and time; prints a Markdown table for docs/benchmarks.md.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "directline")
        {
            await Console.Error.WriteLineAsync("usage: Bot.Bench directline [--conversations N] [--turns N] [--poll-ms N] [--timeout-s N]");
            return 2;
        }
        return await DirectLineBench.RunAsync(BenchSettings.Parse(args[1..]));
    }
}
