using System.Diagnostics;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host.Channels.DirectLine;

/// <summary>
/// Microsoft's own Direct Line client (botframework-directlinejs from npm, run by Node) against the host on a real
/// loopback port: a multi-turn conversation, an Adaptive Card, and a reconnect with a watermark, over WebSocket and polling.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DirectLineClientConformanceTests(PostgresCluster postgres)
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task Microsofts_directlinejs_holds_a_multi_turn_conversation_and_reconnects_with_a_watermark(string mode)
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings())).StartKestrel();

        var (exitCode, output) = await Conformance.RunNodeAsync("directline-conformance.js", [host.Address!.ToString().TrimEnd('/'), mode],
            new() { ["DIRECTLINE_SECRET"] = ChannelHost.Secret });

        var checks = output.Split('\n').Where(l => l.StartsWith("CHECK ", StringComparison.Ordinal)).ToList();
        Assert.True(exitCode == 0, output);
        Assert.Contains("SUMMARY 10 0", output);
        Assert.All(checks, line => Assert.Contains(" ok", line));
    }
}
