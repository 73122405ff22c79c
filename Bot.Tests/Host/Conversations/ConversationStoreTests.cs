using Bot.Host.Conversations.State;
using Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Bot.Tests.Host.Conversations;

[Collection(PostgresCollection.Name)]
public sealed class ConversationStoreTests(PostgresCluster postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Error_reports_written_before_the_ticks_column_existed_are_listed_newest_first_after_the_upgrade(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        var options = new DbContextOptionsBuilder<ConversationDbContext>();
        database.Configure(options, ConversationDbContext.MigrationsHistoryTable);
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        await using var db = new ConversationDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261121010000_InitialConversations");
        // Two reports written by the old schema, the older one second.
        foreach (var (id, at) in new[] { ("newer", new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.FromHours(8))), ("older", new DateTimeOffset(2026, 11, 20, 23, 0, 0, TimeSpan.Zero)) })
            await db.Database.ExecuteSqlAsync($"INSERT INTO error_reports (id, conversation_id, note, created_at) VALUES ({id}, {"conv"}, {"地址写错了"}, {(provider == "postgres" ? at.ToUniversalTime() : at)})"); // SQLite keeps the offset as written

        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlAsync($"INSERT INTO error_reports (id, conversation_id, note, created_at, created_at_ticks) VALUES ({"newest"}, {"conv"}, {"电话不对"}, {new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero)}, {new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero).UtcTicks})");
        var store = new ConversationStore(db, TimeProvider.System);
        var listed = await store.ErrorReportsAsync(10, default);
        var firstTwo = await store.ErrorReportsAsync(2, default);

        Assert.Equal(["newest", "newer", "older"], listed.Select(r => r.Id));
        Assert.Equal(["newest", "newer"], firstTwo.Select(r => r.Id));
        var backfilled = await db.ErrorReports.AsNoTracking().SingleAsync(r => r.Id == "newer");
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 1, 30, 0, TimeSpan.Zero).UtcTicks, backfilled.CreatedAtTicks, TimeSpan.FromMilliseconds(1).Ticks);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
