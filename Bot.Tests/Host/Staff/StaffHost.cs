using System.Net.Http.Json;
using Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bot.Tests.Host.Staff;

/// <summary>The real host on a test database with the development staff accounts, and a signed-in client per account.</summary>
public sealed class StaffHost : IAsyncDisposable
{
    public const string Password = "Doorplate-2026";
    private readonly TestDatabase _database;

    private StaffHost(TestDatabase database)
    {
        _database = database;
        var settings = database.HostSettings();
        settings["Staff:DevelopmentAccounts"] = "true";
        Factory = new GovDoorplateFactory(settings);
    }

    public GovDoorplateFactory Factory { get; }

    public static async Task<StaffHost> StartAsync(string provider, PostgresCluster postgres) => new(await TestDatabase.CreateAsync(provider, postgres));

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/staff/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _database.Dispose();
    }
}
