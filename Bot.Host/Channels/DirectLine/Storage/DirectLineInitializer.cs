using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Channels.DirectLine.Storage;

/// <summary>Migrates the Direct Line tables at start, before the host accepts requests.</summary>
internal sealed class DirectLineInitializer(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectLineDbContext>();
        if (db.Database.IsSqlite())
        {
            // Streams read transcripts while turns append to them; in WAL mode SQLite readers do not block the writer.
            // The mode is a property of the database file and harmless to the other libraries' tables.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
