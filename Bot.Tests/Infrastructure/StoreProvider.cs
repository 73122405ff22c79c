using Bot.Knowledge.Storage;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Infrastructure;

/// <summary>One fresh, empty database of either provider; the same store tests run against both.</summary>
public sealed class TestDatabase(string provider, string connectionString) : IDisposable
{
    public string Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    public static async Task<TestDatabase> CreateAsync(string provider, PostgresCluster postgres) => provider switch
    {
        "postgres" => new TestDatabase(provider, await postgres.CreateDatabaseAsync()),
        "sqlite" => new TestDatabase(provider, Path.Combine(Path.GetTempPath(), $"govdoorplate-{Guid.NewGuid():N}.db")),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>Settings that point the host at this database.</summary>
    public Dictionary<string, string?> HostSettings() => Provider == "postgres"
        ? new() { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = ConnectionString }
        : new() { ["Store:Provider"] = "Sqlite", ["Store:SqlitePath"] = ConnectionString };

    public void Configure(DbContextOptionsBuilder options) => Configure(options, KnowledgeDbContext.MigrationsHistoryTable);

    /// <summary>Points a library's DbContext at this database, with that library's migrations history table.</summary>
    public void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable)
    {
        if (Provider == "postgres") options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
        else options.UseSqlite($"Data Source={ConnectionString}", o => o.MigrationsHistoryTable(migrationsHistoryTable));
    }

    public void Dispose()
    {
        // Each test has its own database, so its idle pooled connections would otherwise pile up for the whole run.
        if (Provider == "postgres")
        {
            using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
        if (Provider == "sqlite")
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(ConnectionString + suffix);
        }
    }
}
