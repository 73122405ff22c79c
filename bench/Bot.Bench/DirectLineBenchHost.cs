using System.Net;
using System.Net.Sockets;
using Bot.Host.Conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Bench;

/// <summary>
/// The real GovDoorplate host on Kestrel (loopback, free port) on the given store (a throw-away SQLite file, or the
/// PostgreSQL database of BENCH_POSTGRES), with the bench's echo handler (the channel's cost alone) or the registered
/// <see cref="ITurnHandler"/>; <see cref="Handler"/> says which. <paramref name="extra"/> settings and a
/// <paramref name="time"/> (office hours for live handoffs) are optional.
/// </summary>
internal sealed class DirectLineBenchHost(IReadOnlyDictionary<string, string?> store, bool echoHandler,
    IReadOnlyDictionary<string, string?>? extra = null, TimeProvider? time = null) : WebApplicationFactory<Program>
{
    public const string Secret = "bench-channel-secret-0123456789abcdefghij";

    public string Handler { get; private set; } = "?";
    public Uri Address { get; private set; } = null!;

    public DirectLineBenchHost Start()
    {
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        Address = new Uri($"http://127.0.0.1:{port}");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(store).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DirectLine:Secret"] = Secret,
            ["DirectLine:ActivitiesPerConversationPerMinute"] = "100000",
            ["DirectLine:RequestsPerAddressPerMinute"] = "1000000",
            ["DirectLine:ConversationsPerAddressPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
        }).AddInMemoryCollection(extra ?? new Dictionary<string, string?>()));
        builder.ConfigureTestServices(services =>
        {
            if (time is not null) services.AddSingleton(time);
            var registered = services.LastOrDefault(d => d.ServiceType == typeof(ITurnHandler));
            if (echoHandler || registered is null)
            {
                services.RemoveAll<ITurnHandler>();
                services.AddSingleton<ITurnHandler, EchoHandler>();
                Handler = "bench echo handler (the channel's cost alone; --handler registered for the conversation engine)";
            }
            else
            {
                Handler = $"registered handler {registered.ImplementationType?.FullName ?? "(factory)"}";
            }
        });
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Echoes each message with two suggested actions: the channel's cost, not the bot's.</summary>
internal sealed class EchoHandler : ITurnHandler
{
    public Task<IReadOnlyList<Bot.Host.Conversations.Activities.Activity>> OnTurnAsync(Bot.Host.Conversations.Activities.Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Bot.Host.Conversations.Activities.Activity>>(activity.Type == "message"
            ? [new() { Type = "message", Text = "你说：" + activity.Text }]
            : []);
}
