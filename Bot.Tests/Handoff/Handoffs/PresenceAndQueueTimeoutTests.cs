using Bot.Handoff.Diagnostics;
using Bot.Handoff.Handoffs;
using Bot.Handoff.Notifications;
using Bot.Handoff.Ratings;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Bot.Handoff.Tickets;
using Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Handoff.Handoffs;

/// <summary>Who is 在线 (shared by every host through the store), and what happens to a citizen nobody accepts in time.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PresenceAndQueueTimeoutTests(PostgresCluster postgres)
{
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Zhang = Actor.Staff("zhang", StaffRole.Specialist);

    private static Task<IReadOnlyList<string>> OnlineAsync(HandoffTestHost host) =>
        host.InScopeAsync(sp => sp.GetRequiredService<IStaffPresence>().OnlineSpecialistsAsync(default));

    private static Task<int> PresenceAsync(HandoffTestHost host, Func<IStaffPresence, Task> change) =>
        host.InScopeAsync(async sp =>
        {
            await change(sp.GetRequiredService<IStaffPresence>());
            return 0;
        });

    [Fact]
    public async Task A_specialist_counts_as_online_on_every_host_until_away_disconnected_or_their_host_stops_confirming()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var a = await HandoffTestHost.StartAsync(database, clock, "host-a");
        var b = await HandoffTestHost.StartAsync(database, clock, "host-b");

        Assert.Empty(await OnlineAsync(a));
        await PresenceAsync(b, p => p.ConnectedAsync("b-1", Zhang, online: true, default));
        await PresenceAsync(b, p => p.ConnectedAsync("b-2", Actor.Staff("li", StaffRole.Curator), online: true, default));
        Assert.Equal(["zhang"], await OnlineAsync(a));

        await PresenceAsync(b, p => p.SetOnlineAsync("b-1", online: false, default));
        Assert.Empty(await OnlineAsync(a));
        await PresenceAsync(b, p => p.SetOnlineAsync("b-1", online: true, default));
        Assert.Equal(["zhang"], await OnlineAsync(a));

        // Host b keeps confirming its console while it runs, however long the specialist sits there…
        clock.Advance(TimeSpan.FromMinutes(5));
        await b.Services.GetRequiredService<HandoffHousekeeper>().RunOnceAsync(default);
        Assert.Equal(["zhang"], await OnlineAsync(a));

        // …and when host b is gone its consoles are gone: at once on a clean stop.
        await b.DisposeAsync();
        Assert.Empty(await OnlineAsync(a));

        // A host that dies without stopping: its entry outlives it only by the presence timeout.
        await a.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HandoffDbContext>();
            db.Presence.Add(new PresenceRow
            {
                ConnectionId = "dead-1", UserName = "wang", Role = "Specialist", Online = true, HostId = "crashed-host",
                SeenAtTicks = clock.GetUtcNow().UtcTicks,
            });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["wang"], await OnlineAsync(a));
        clock.Advance(TimeSpan.FromSeconds(91));
        Assert.Empty(await OnlineAsync(a));

        await PresenceAsync(a, p => p.ConnectedAsync("a-1", Zhang, online: true, default));
        await PresenceAsync(a, p => p.DisconnectedAsync("a-1", default));
        Assert.Empty(await OnlineAsync(a));
    }

    [Fact]
    public async Task A_wait_longer_than_the_queue_timeout_becomes_one_ticket_with_two_hosts_and_the_citizen_is_told_its_number()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var a = await HandoffTestHost.StartAsync(database, clock, "host-a");
        await using var b = await HandoffTestHost.StartAsync(database, clock, "host-b");
        var request = new HandoffRequest("conv-q", "directline", HandoffReasons.CitizenAsked,
            [new TranscriptLine("user", "我想开个小饭馆", Monday9)], ["SCJG-01"], new Dictionary<string, string>(), null);
        var handoff = await a.InScopeAsync(sp => sp.GetRequiredService<IHandoffService>().InitiateAsync(request, default));
        // A callback number written while waiting is kept, masked on the handoff and in full for the ticket.
        await a.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IHandoffService>().RelayFromCitizenAsync("conv-q", "我电话是13912345678，麻烦回电", default);
            return 0;
        });

        clock.Advance(TimeSpan.FromMinutes(9));
        await Task.WhenAll(a.Services.GetRequiredService<HandoffHousekeeper>().RunOnceAsync(default),
            b.Services.GetRequiredService<HandoffHousekeeper>().RunOnceAsync(default));
        var stillQueued = await a.InScopeAsync(sp => sp.GetRequiredService<IHandoffService>().FindAsync(handoff.Id, default));
        Assert.Equal(HandoffStatus.Queued, stillQueued!.Status);
        Assert.Equal("139****5678", stillQueued.MaskedContact);

        clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(a.Services.GetRequiredService<HandoffHousekeeper>().RunOnceAsync(default),
            b.Services.GetRequiredService<HandoffHousekeeper>().RunOnceAsync(default));
        await Eventually.TrueAsync(async () => (await a.InScopeAsync(sp => sp.GetRequiredService<IHandoffService>().FindAsync(handoff.Id, default)))
            ?.TicketNumber is not null, "the expired handoff links its ticket");
        await Task.Delay(500); // a late second expiry would show up as a second ticket

        var expired = await a.InScopeAsync(sp => sp.GetRequiredService<IHandoffService>().FindAsync(handoff.Id, default));
        var tickets = await a.InScopeAsync(sp => sp.GetRequiredService<HandoffDbContext>().Tickets.AsNoTracking().ToListAsync());
        var ticket = Assert.Single(tickets);
        Assert.Equal(HandoffStatus.Failed, expired!.Status);
        Assert.Equal("queue-timeout", expired.Outcome);
        Assert.Equal(ticket.Number, expired.TicketNumber);
        Assert.Equal((TicketCategory.Help, "conv-q", handoff.Id), (ticket.Category, ticket.ConversationId, ticket.HandoffId));
        Assert.Equal(["SCJG-01"], ticket.ItemIds);
        Assert.Equal("13912345678", await a.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().ContactAsync(ticket.Number, default)));
        var told = a.Notifier.Citizen.Concat(b.Notifier.Citizen).Single(n => n.Kind == CitizenNoticeKind.HandoffEnded);
        Assert.Contains(ticket.Number, told.Text);
        Assert.Contains("按您留下的电话联系您", told.Text);
        // First response: 2 working hours after the expiry, county time. The clock passes 09:10 (the timeout) on its way to
        // 09:11, and the housekeeper's own tick may expire the wait anywhere in between.
        Assert.Matches(@"专员会在 11月23日 11:1[01] 前", told.Text);
    }

    [Fact]
    public async Task Live_chat_messages_are_kept_masked_and_a_specialist_finds_the_chats_they_hold()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var host = await HandoffTestHost.StartAsync(database, clock, "host-a");
        var request = new HandoffRequest("conv-m", "directline", HandoffReasons.CitizenAsked, [], [], new Dictionary<string, string>(), null);
        IHandoffService Service(IServiceProvider sp) => sp.GetRequiredService<IHandoffService>();
        var handoff = await host.InScopeAsync(sp => Service(sp).InitiateAsync(request, default));
        await host.InScopeAsync(sp => Service(sp).AcceptAsync(handoff.Id, Zhang, default));
        clock.Advance(TimeSpan.FromSeconds(5));
        await host.InScopeAsync(sp => Service(sp).SendToCitizenAsync(handoff.Id, Zhang, "您好，请讲", default));
        clock.Advance(TimeSpan.FromSeconds(5));
        await host.InScopeAsync(async sp =>
        {
            await Service(sp).RelayFromCitizenAsync("conv-m", "身份证110101199003074518丢了", default);
            return 0;
        });

        var messages = await host.InScopeAsync(sp => Service(sp).MessagesAsync(handoff.Id, default));
        var held = await host.InScopeAsync(sp => Service(sp).HeldByAsync("zhang", default));
        var heldByOther = await host.InScopeAsync(sp => Service(sp).HeldByAsync("li", default));

        Assert.Equal([("specialist", "您好，请讲"), ("citizen", "身份证1101**********4518丢了")], messages.Select(m => (m.From, m.Text)));
        Assert.Equal("zhang", messages[0].AuthorId);
        Assert.Equal(Monday9.AddSeconds(5), messages[0].At);
        Assert.Equal(handoff.Id, Assert.Single(held).Id);
        Assert.Empty(heldByOther);
    }
}

/// <summary>The supervisor's figures come from the store, so every host reports the same.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HandoffStatisticsTests(PostgresCluster postgres)
{
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Waits_first_response_timeouts_and_the_rating_distribution_are_counted_over_the_period()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var clock = new ManualTimeProvider(Monday9);
        // No automatic queue timeout: this test expires one wait itself and keeps another waiting for an hour.
        await using var host = await HandoffTestHost.StartAsync(database, clock, "host-a", o => o.QueueTimeout = TimeSpan.Zero);
        var zhang = Actor.Staff("zhang", StaffRole.Specialist);
        HandoffRequest Request(string conversation) => new(conversation, "directline", HandoffReasons.CitizenAsked, [], [], new Dictionary<string, string>(), null);
        IHandoffService Handoffs(IServiceProvider sp) => sp.GetRequiredService<IHandoffService>();
        ITicketService Tickets(IServiceProvider sp) => sp.GetRequiredService<ITicketService>();

        // One citizen waits 2 minutes and is accepted; another is never accepted and times out; a third is waiting now.
        var accepted = await host.InScopeAsync(sp => Handoffs(sp).InitiateAsync(Request("c-1"), default));
        var expired = await host.InScopeAsync(sp => Handoffs(sp).InitiateAsync(Request("c-2"), default));
        clock.Advance(TimeSpan.FromMinutes(2));
        await host.InScopeAsync(sp => Handoffs(sp).AcceptAsync(accepted.Id, zhang, default));
        clock.Advance(TimeSpan.FromMinutes(9));
        await host.InScopeAsync(sp => Handoffs(sp).ExpireAsync(expired.Id, default));
        await host.InScopeAsync(sp => Handoffs(sp).InitiateAsync(Request("c-3"), default));
        clock.Advance(TimeSpan.FromMinutes(1));

        // Two tickets accepted after 30 minutes, resolved and rated: one 非常满意, one 不满意.
        foreach (var (conversation, level) in new[] { ("t-1", SatisfactionLevel.VerySatisfied), ("t-2", SatisfactionLevel.Dissatisfied) })
        {
            var ticket = await host.InScopeAsync(sp => Tickets(sp).OpenAsync(
                new NewTicket(TicketCategory.Consultation, "咨询", [], null, "directline", conversation, null), zhang, default));
            clock.Advance(TimeSpan.FromMinutes(30));
            await host.InScopeAsync(sp => Tickets(sp).AcceptAsync(ticket.Number, zhang, null, default));
            await host.InScopeAsync(sp => Tickets(sp).ResolveAsync(ticket.Number, zhang, "已答复", default));
            await host.InScopeAsync(sp => Tickets(sp).RateAsync(ticket.Number, conversation, level, null, default));
        }

        var stats = await host.InScopeAsync(sp => sp.GetRequiredService<IHandoffStatistics>().ComputeAsync(Monday9.AddHours(-1), default));
        var later = await host.InScopeAsync(sp => sp.GetRequiredService<IHandoffStatistics>().ComputeAsync(clock.GetUtcNow().AddMinutes(-5), default));

        Assert.Equal(1, stats.QueueLength);
        Assert.Equal(61 * 60, stats.LongestWaitSeconds); // c-3 has waited 1 minute, then two tickets took 30 each
        Assert.Equal((3, 1, 1), (stats.Handoffs, stats.HandoffsAccepted, stats.HandoffsTimedOut));
        Assert.Equal(120, stats.MedianWaitSeconds);
        // The expired wait became a 求助 ticket nobody accepted; the two consultations were accepted after 30 minutes.
        Assert.Equal(3, stats.TicketsOpened);
        Assert.Equal(2, stats.TicketsByCategory[TicketCategory.Consultation]);
        Assert.Equal(1, stats.TicketsByCategory[TicketCategory.Help]);
        Assert.Equal(30, stats.MedianFirstResponseMinutes);
        Assert.Equal(1, stats.Ratings[SatisfactionLevel.VerySatisfied]);
        Assert.Equal(1, stats.Ratings[SatisfactionLevel.Dissatisfied]);
        Assert.Equal(0.5, stats.SatisfactionRate);
        // 不满意 reopened its ticket for rectification: it is open again.
        Assert.Equal(1, stats.OpenTicketsByStatus[TicketStatus.Accepted]);
        Assert.Equal(1, stats.OpenTicketsByStatus[TicketStatus.New]);
        Assert.Equal(0, later.Handoffs);
        Assert.Equal(1, later.QueueLength); // the queue is "now", whatever the period
    }
}
