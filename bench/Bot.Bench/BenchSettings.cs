namespace Bot.Bench;

/// <summary>How big a run is. Defaults are the issue's: 200 concurrent conversations of 10 turns.</summary>
internal sealed record BenchSettings(int Conversations, int Turns, int PollMilliseconds, TimeSpan PhaseTimeout)
{
    public static BenchSettings Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
        return new BenchSettings(Value("--conversations", 200), Value("--turns", 10), Value("--poll-ms", 100), TimeSpan.FromSeconds(Value("--timeout-s", 180)));
    }
}
