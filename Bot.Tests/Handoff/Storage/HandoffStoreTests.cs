using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Bot.Handoff.Tickets;
using Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Handoff.Storage;

[Collection(PostgresCollection.Name)]
public sealed class HandoffStoreTests(PostgresCluster postgres)
{
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_hand_written_migration_matches_the_model_and_round_trips_a_ticket_with_its_audit_trail(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var host = await HandoffTestHost.StartAsync(database, new ManualTimeProvider(Monday9), "host-a");
        var specialist = Actor.Staff("zhang", StaffRole.Specialist);

        var opened = await host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().OpenAsync(
            new NewTicket(TicketCategory.Difficult, "户口迁移疑难", ["GA-04"], "0000-6611001", "directline", "conv-1"), specialist, default));
        await host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().AcceptAsync(opened.Number, specialist, "已受理", default));
        await host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().DispatchAsync(opened.Number, "GA", ["MZ"], specialist, null, default));
        var loaded = await host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().FindAsync(opened.Number, default));

        Assert.NotNull(loaded);
        Assert.Equal(TicketStatus.Dispatched, loaded.Status);
        Assert.Equal(["GA-04"], loaded.ItemIds);
        Assert.Equal(["MZ"], loaded.CooperatingDepartmentIds);
        Assert.Equal("0000-****01", loaded.MaskedContact);
        Assert.Equal([TicketAction.Created, TicketAction.Accepted, TicketAction.Dispatched], loaded.History.OrderBy(e => e.Sequence).Select(e => e.Action));
        Assert.Equal("0000-6611001", await host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().ContactAsync(opened.Number, default)));
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HandoffDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(3, await db.Deadlines.CountAsync(d => d.TicketId == opened.Id));
            return 0;
        });
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Ticket_numbers_stay_unique_when_two_hosts_open_tickets_at_once(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        // The real clock: under contention the job store retries after a delay, which a manual clock would never end.
        var clock = TimeProvider.System;
        var day = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        await using var a = await HandoffTestHost.StartAsync(database, clock, "host-a");
        await using var b = await HandoffTestHost.StartAsync(database, clock, "host-b", o => o.Scheduler.Clustered = provider == "postgres");
        var specialist = Actor.Staff("zhang", StaffRole.Specialist);

        var opening = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).InScopeAsync(sp => sp.GetRequiredService<ITicketService>()
            .OpenAsync(new NewTicket(TicketCategory.Consultation, $"咨询 {i}", []), specialist, default)));
        var numbers = (await Task.WhenAll(opening)).Select(t => t.Number).ToList();

        Assert.Equal(20, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches($@"^GD-{day}-00\d\d$", n));
        Assert.Contains($"GD-{day}-0001", numbers);
        Assert.Contains($"GD-{day}-0020", numbers);
    }
}
