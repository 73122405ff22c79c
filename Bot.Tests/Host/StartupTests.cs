using System.Diagnostics;
using Bot.Knowledge.Seed;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host;

[Collection(PostgresCollection.Name)]
public sealed class StartupTests(PostgresCluster postgres)
{
    [Fact]
    public async Task A_broken_seed_stops_start_up_naming_file_and_line()
    {
        using var seed = new TestSeed();
        seed.Write("items/GA-04b.yaml", File.ReadAllText(Path.Combine(seed.Root, "items/GA-04.yaml")));
        seed.Replace("items/WJ-01.yaml", "form: 原件及复印件", "form: 扫描件");

        var (exitCode, output) = await RunHostAsync(new() { ["Knowledge__SeedPath"] = seed.Root });

        Assert.Equal(1, exitCode);
        Assert.Contains("items/GA-04b.yaml:1: duplicate item id 'GA-04'", output);
        Assert.Contains($"items/WJ-01.yaml:{seed.LineOf("items/WJ-01.yaml", "扫描件")}: 'form' is '扫描件'", output);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_start_up_naming_the_key()
    {
        var (exitCode, output) = await RunHostAsync(new() { ["Store__Provider"] = "Postgres", ["Store__ConnectionString"] = "" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Store:ConnectionString", output);
    }

    [Fact]
    public async Task An_unknown_store_provider_stops_start_up_naming_the_key()
    {
        var (exitCode, output) = await RunHostAsync(new() { ["Store__Provider"] = "Oracle" });

        Assert.Equal(1, exitCode);
        Assert.Contains("'Oracle' at 'Store:Provider'", output);
        // Our one-line explanation on its own line (the hosting framework also logs its stack trace), and exit code 1, not a crash.
        Assert.Contains(output.Split('\n'), line => line.StartsWith("Failed to convert configuration value 'Oracle' at 'Store:Provider'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_registered_service_resolves()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var factory = new GovDoorplateFactory(database.HostSettings());
        using var scope = factory.Services.CreateScope();
        var collection = factory.Services.GetRequiredService<IServiceProviderIsService>();

        var failures = RegisteredServiceTypes(factory.Services)
            .Where(type => !type.ContainsGenericParameters && collection.IsService(type))
            .Select(type =>
            {
                try { _ = scope.ServiceProvider.GetServices(type).ToList(); return null; }
                catch (Exception e) { return $"{type}: {e.Message}"; }
            })
            .OfType<string>()
            .ToList();

        Assert.Empty(failures);
    }

    /// <summary>The types our own assemblies register (framework registrations are the framework's to test).</summary>
    private static IEnumerable<Type> RegisteredServiceTypes(IServiceProvider services) =>
        typeof(Program).Assembly.GetTypes().Concat(typeof(SeedLoader).Assembly.GetTypes()).Concat(typeof(Bot.Handoff.Storage.HandoffDbContext).Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } || t.IsInterface)
            .Where(t => services.GetService<IServiceProviderIsService>()!.IsService(t));

    /// <summary>Runs the real host process (not the in-memory test server) on a throw-away SQLite file until it exits.</summary>
    private static async Task<(int ExitCode, string Output)> RunHostAsync(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.Host.dll"));
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Store__SqlitePath"] = Path.Combine(Path.GetTempPath(), $"govdoorplate-{Guid.NewGuid():N}.db");
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await stderr + await stdout);
    }
}
