namespace Bot.Bench;

/// <summary>How big a run is. Defaults are the issue's: 200 concurrent conversations of 10 turns.</summary>
/// <c>--handler echo</c> (default) measures the channel with an echo bot; <c>--handler registered</c> uses the host's own
/// turn handler (the conversation engine), which adds the engine's cost to every turn. <c>--rounds N</c> (default 3): the
/// Direct Line bench measures bare, WebSocket and polling back to back N times per store.
internal sealed record BenchSettings(int Conversations, int Turns, int PollMilliseconds, TimeSpan PhaseTimeout, bool EchoHandler, int Rounds)
{
    public static BenchSettings Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
        var handler = Array.IndexOf(args, "--handler") is var h and >= 0 && h + 1 < args.Length ? args[h + 1] : "echo";
        return new BenchSettings(Value("--conversations", 200), Value("--turns", 10), Value("--poll-ms", 100), TimeSpan.FromSeconds(Value("--timeout-s", 180)),
            handler != "registered", Value("--rounds", 3));
    }
}
