namespace Bot.Bench;

/// <summary>How big a run is. Defaults are the issue's: 200 concurrent conversations of 10 turns.</summary>
/// <c>--handler echo</c> (default) measures the channel with an echo bot; <c>--handler registered</c> uses the host's own
/// turn handler (the conversation engine), which adds the engine's cost to every turn. <c>--rounds N</c> (default 3): the
/// Direct Line bench measures bare, WebSocket and polling back to back N times per store. <c>--paths websocket</c> or
/// <c>--paths polling</c> measures one Direct Line path only (for a profile of that path); both by default.
internal sealed record BenchSettings(int Conversations, int Turns, int PollMilliseconds, TimeSpan PhaseTimeout, bool EchoHandler, int Rounds,
    bool WebSocket = true, bool Polling = true)
{
    public static BenchSettings Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
        string Text(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var paths = Text("--paths", "websocket,polling").Split(',');
        return new BenchSettings(Value("--conversations", 200), Value("--turns", 10), Value("--poll-ms", 100), TimeSpan.FromSeconds(Value("--timeout-s", 180)),
            Text("--handler", "echo") != "registered", Value("--rounds", 3), paths.Contains("websocket"), paths.Contains("polling"));
    }
}
