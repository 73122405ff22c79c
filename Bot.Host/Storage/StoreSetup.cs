using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Bot.Host.Storage;

/// <summary>Chooses the EF Core provider for every library's DbContext from <see cref="StoreOptions"/>.</summary>
internal static class StoreSetup
{
    public static IServiceCollection AddStoreOptions(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>Configures a DbContext for the chosen provider; each library keeps its own migrations history table.</summary>
    public static Action<IServiceProvider, DbContextOptionsBuilder> Use(string migrationsHistoryTable) => (services, options) =>
    {
        var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        switch (store.Provider)
        {
            case StoreProvider.Postgres:
                options.UseNpgsql(store.ConnectionString, npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable));
                break;
            default:
                var path = Path.GetFullPath(store.SqlitePath, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
                options.UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable));
                break;
        }
        // Migrations are hand-written without a model snapshot (docs/decisions/0002); tests prove they match the model.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    };
}
