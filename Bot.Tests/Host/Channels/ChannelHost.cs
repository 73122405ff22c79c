using System.Net;
using System.Net.Sockets;
using Bot.Host.Conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Tests.Host.Channels;

/// <summary>
/// The real host with the <see cref="EchoTurnHandler"/> as its bot (protocol tests), or with the real conversation
/// engine when <paramref name="echoBot"/> is false; in memory (TestServer) or, with <see cref="StartKestrel"/>,
/// listening on a free loopback port for clients that need real sockets (Node, Chromium). A <paramref name="time"/>
/// replaces the host's clock (office hours decide whether a specialist can take over).
/// </summary>
public sealed class ChannelHost(IReadOnlyDictionary<string, string?> settings, bool echoBot = true, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    public const string Secret = "test-channel-secret-0123456789abcdefghij";

    /// <summary>The Kestrel address after <see cref="StartKestrel"/>, e.g. http://127.0.0.1:40123.</summary>
    public Uri? Address { get; private set; }

    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> store, Dictionary<string, string?>? extra = null)
    {
        var all = new Dictionary<string, string?>(store) { ["DirectLine:Secret"] = Secret };
        foreach (var (key, value) in extra ?? []) all[key] = value;
        return all;
    }

    public ChannelHost StartKestrel()
    {
        var port = FreePort();
        UseKestrel(port);
        StartServer();
        Address = new Uri($"http://127.0.0.1:{port}");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services =>
        {
            if (time is not null) services.Replace(ServiceDescriptor.Singleton(time));
            if (!echoBot) return;
            services.RemoveAll<ITurnHandler>();
            services.AddSingleton<ITurnHandler, EchoTurnHandler>();
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
