using Bot.Handoff;
using Bot.Handoff.Diagnostics;
using Bot.Handoff.Notifications;
using Bot.Handoff.Sla;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Bot.Handoff.Tickets;
using Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Handoff.Sla;

/// <summary>
/// The deadline timers on Quartz's job store, driven by a manual clock: nothing here waits for a deadline in real
/// time; the clock jumps past it and the test waits only for the job that the jump set off.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadlineEscalationTests(PostgresCluster postgres)
{
    /// <summary>Monday 23 November 2026, 09:00 in China.</summary>
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static readonly Actor Specialist = Actor.Staff("zhang", StaffRole.Specialist);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_ticket_past_its_deadline_is_escalated_to_the_supervisor_exactly_once(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var host = await HandoffTestHost.StartAsync(database, clock, "host-a");
        var ticket = await OpenComplaintAsync(host);

        clock.Advance(TimeSpan.FromMinutes(61)); // a complaint's first response is due within 1 working hour
        await Eventually.TrueAsync(() => FiredAsync(host, ticket, DeadlineKind.FirstResponse, DeadlineStage.FirstEscalation), "the escalation timer to fire", Flow(clock));
        clock.Advance(TimeSpan.FromMinutes(30));

        var escalations = await EscalationsAsync(host, ticket.Id);
        Assert.Equal([(DeadlineKind.FirstResponse, 1)], escalations);
        Assert.Equal(1, host.Logs.Count(LogMessages.SlaBreachedId));
        Assert.Single(host.Notifier.Staff, n => n.Kind == StaffNoticeKind.Escalated && n.Audience.Contains("Supervisor"));
        var stored = await FindAsync(host, ticket.Number);
        Assert.Equal(1, stored.EscalationLevel);
        Assert.Single(stored.History, e => e.Action == TicketAction.Escalated && e.ActorId == "system");
    }

    [Fact]
    public async Task An_sla_breach_logs_its_event_id_with_the_ticket_number_and_no_personal_data()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var host = await HandoffTestHost.StartAsync(database, clock, "host-a");
        var ticket = await OpenComplaintAsync(host);

        clock.Advance(TimeSpan.FromMinutes(61));
        await Eventually.TrueAsync(() => Task.FromResult(host.Logs.Count(LogMessages.SlaBreachedId) == 1), "the SLA breach to be logged", Flow(clock));

        var breach = Assert.Single(host.Logs.Entries, e => e.EventId.Id == LogMessages.SlaBreachedId);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, breach.Level);
        Assert.Contains(ticket.Number, breach.Message);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("13812345678") || e.Message.Contains("张三"));
    }

    [Fact]
    public async Task A_deadline_kept_in_time_is_never_escalated()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var host = await HandoffTestHost.StartAsync(database, clock, "host-a");
        var ticket = await OpenComplaintAsync(host);

        clock.Advance(TimeSpan.FromMinutes(20));
        await host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().AcceptAsync(ticket.Number, Specialist, null, default));
        clock.Advance(TimeSpan.FromHours(3));

        Assert.False(await PendingAsync(host, ticket, DeadlineKind.FirstResponse, DeadlineStage.FirstEscalation));
        Assert.Empty(await EscalationsAsync(host, ticket.Id));
        Assert.Equal(0, host.Logs.Count(LogMessages.SlaBreachedId));
    }

    [Fact]
    public async Task A_deadline_still_missed_after_the_first_escalation_goes_one_level_further()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var host = await HandoffTestHost.StartAsync(database, clock, "host-a");
        var ticket = await OpenComplaintAsync(host);

        clock.Advance(TimeSpan.FromMinutes(61));
        await Eventually.TrueAsync(() => FiredAsync(host, ticket, DeadlineKind.FirstResponse, DeadlineStage.FirstEscalation), "the first escalation", Flow(clock));
        clock.Advance(TimeSpan.FromDays(1)); // one working day later, still not accepted
        await Eventually.TrueAsync(() => FiredAsync(host, ticket, DeadlineKind.FirstResponse, DeadlineStage.SecondEscalation), "the second escalation", Flow(clock));

        Assert.Equal([(DeadlineKind.FirstResponse, 1), (DeadlineKind.FirstResponse, 2)], await EscalationsAsync(host, ticket.Id));
        Assert.Equal(2, (await FindAsync(host, ticket.Number)).EscalationLevel);
        Assert.Single(host.Notifier.Staff, n => n.Kind == StaffNoticeKind.Escalated && n.Audience.Contains("Admin"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_deadline_that_falls_due_while_the_host_is_down_escalates_exactly_once_after_the_restart(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        var clock = new ManualTimeProvider(Monday9);
        var first = await HandoffTestHost.StartAsync(database, clock, "host-a");
        var ticket = await OpenComplaintAsync(first);
        await first.DisposeAsync();

        clock.Advance(TimeSpan.FromMinutes(90)); // due at +60 min while nothing runs
        await using var second = await HandoffTestHost.StartAsync(database, clock, "host-a-restarted");
        await Eventually.TrueAsync(() => FiredAsync(second, ticket, DeadlineKind.FirstResponse, DeadlineStage.FirstEscalation), "the misfired timer to fire after the restart", Flow(clock));
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal([(DeadlineKind.FirstResponse, 1)], await EscalationsAsync(second, ticket.Id));
        Assert.Equal(0, first.Logs.Count(LogMessages.SlaBreachedId));
        Assert.Equal(1, second.Logs.Count(LogMessages.SlaBreachedId));
    }

    [Fact]
    public async Task With_two_hosts_clustered_on_one_postgres_database_each_deadline_fires_exactly_once()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var a = await HandoffTestHost.StartAsync(database, clock, "host-a");
        await using var b = await HandoffTestHost.StartAsync(database, clock, "host-b");
        var tickets = new List<Ticket>();
        for (var i = 0; i < 6; i++) tickets.Add(await OpenComplaintAsync(i % 2 == 0 ? a : b));

        clock.Advance(TimeSpan.FromMinutes(61));
        foreach (var ticket in tickets)
            await Eventually.TrueAsync(() => FiredAsync(a, ticket, DeadlineKind.FirstResponse, DeadlineStage.FirstEscalation), $"{ticket.Number} to escalate", Flow(clock));
        clock.Advance(TimeSpan.FromMinutes(30));

        foreach (var ticket in tickets) Assert.Equal([(DeadlineKind.FirstResponse, 1)], await EscalationsAsync(a, ticket.Id));
        Assert.Equal(tickets.Count, a.Logs.Count(LogMessages.SlaBreachedId) + b.Logs.Count(LogMessages.SlaBreachedId));
        var firings = a.Logs.Entries.Concat(b.Logs.Entries).Count(e => e.EventId.Id == 2023 && e.Message.Contains("FirstEscalation") && e.Message.Contains("FirstResponse"));
        Assert.Equal(tickets.Count, firings);
    }

    /// <summary>
    /// Lets the clock keep flowing, 30 s per look, while the test waits: a scheduler that read the clock just before a
    /// jump sleeps until its stale wake-up time, as a real one would until the next tick.
    /// </summary>
    private static Action Flow(ManualTimeProvider clock) => () => clock.Advance(TimeSpan.FromSeconds(30));

    private static Task<Ticket> OpenComplaintAsync(HandoffTestHost host) =>
        host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().OpenAsync(
            new NewTicket(TicketCategory.Complaint, "窗口人员态度问题（张三）", ["SCJG-01"], "13812345678", "directline", $"conv-{Guid.NewGuid():N}"),
            Specialist, default));

    private static Task<Ticket> FindAsync(HandoffTestHost host, string number) =>
        host.InScopeAsync(async sp => (await sp.GetRequiredService<ITicketService>().FindAsync(number, default))!);

    private static Task<List<(DeadlineKind, int)>> EscalationsAsync(HandoffTestHost host, Guid ticketId) =>
        host.InScopeAsync(async sp => (await sp.GetRequiredService<HandoffDbContext>().Escalations.AsNoTracking()
                .Where(e => e.TicketId == ticketId).ToListAsync())
            .OrderBy(e => e.Level).Select(e => (e.Kind, e.Level)).ToList());

    private static Task<bool> PendingAsync(HandoffTestHost host, Ticket ticket, DeadlineKind kind, DeadlineStage stage) =>
        host.Services.GetRequiredService<QuartzDeadlineTimers>().IsPendingAsync(ticket.Id, kind, ticket.Cycle, stage, default);

    /// <summary>The stage's one-shot trigger is gone (fired and completed) and its escalation is recorded.</summary>
    private static async Task<bool> FiredAsync(HandoffTestHost host, Ticket ticket, DeadlineKind kind, DeadlineStage stage) =>
        !await PendingAsync(host, ticket, kind, stage)
        && (await EscalationsAsync(host, ticket.Id)).Contains((kind, (int)stage));
}
