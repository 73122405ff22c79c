using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bot.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL 15 cluster started from the machine's binaries for one test run: initdb as the
/// postgres user into a temp directory, pg_ctl on 127.0.0.1 and a free port, removed afterwards.
/// Each test takes a fresh database from it, which is how data is reset between cases.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"govdoorplate-pg-{Guid.NewGuid():N}");
    private string _bin = "";
    private int _databases;

    public int Port { get; private set; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=15";

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_directory);
        var data = Path.Combine(_directory, "data");
        AsPostgresUser("chown", "-R", "postgres", _directory);
        await RunAsync(Path.Combine(_bin, "initdb"), "-D", data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        Port = FreePort();
        await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=600");
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Timeout=15";
    }

    public async Task DisposeAsync()
    {
        if (Port != 0)
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        }
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string FindBinaries()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("PG_BIN"), "/usr/lib/postgresql/15/bin" }
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : []);
        return candidates.FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found: install Debian's postgresql-15 (the README's test command does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void AsPostgresUser(string program, params string[] args)
    {
        if (IsRoot) RunAsync(program, args).GetAwaiter().GetResult();
    }

    /// <summary>PostgreSQL refuses to run as root, so as root the server tools run as the postgres user.</summary>
    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(IsRoot && program != "chown" ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot && program != "chown") { start.ArgumentList.Add("-u"); start.ArgumentList.Add("postgres"); start.ArgumentList.Add("--"); start.ArgumentList.Add(program); }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
