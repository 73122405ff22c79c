using Bot.Handoff;
using Bot.Handoff.Handoffs;
using Bot.Handoff.Notifications;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Bot.Handoff.Tickets;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Handoff.Handoffs;

[Collection(PostgresCollection.Name)]
public sealed class HandoffServiceTests(PostgresCluster postgres)
{
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static HandoffRequest Request(string conversation) => new(conversation, "directline", "asked",
        [new TranscriptLine("user", "我想开个小饭馆，电话13812345678", Monday9)], ["SCJG-01", "B-03"], new Dictionary<string, string> { ["premises"] = "rented" },
        "13812345678");

    [Fact]
    public async Task A_handoff_is_queued_accepted_with_the_specialists_employee_number_and_completed_after_which_the_bot_answers_again()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        var clock = new ManualTimeProvider(Monday9);
        await using var host = await HandoffTestHost.StartAsync(database, clock, "host-a");
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HandoffDbContext>();
            db.Staff.Add(new StaffMember("zhang", "张专员", "1024", StaffRole.Specialist, null, "hash"));
            return await db.SaveChangesAsync();
        });
        var specialist = Actor.Staff("zhang", StaffRole.Specialist);
        IHandoffService Service(IServiceProvider sp) => sp.GetRequiredService<IHandoffService>();

        var queued = await host.InScopeAsync(sp => Service(sp).InitiateAsync(Request("conv-9"), default));
        var again = await host.InScopeAsync(sp => Service(sp).InitiateAsync(Request("conv-9"), default));
        clock.Advance(TimeSpan.FromMinutes(3));
        var queue = await host.InScopeAsync(sp => Service(sp).QueueAsync(default));
        await host.InScopeAsync(sp => Service(sp).AcceptAsync(queued.Id, specialist, default));
        await host.InScopeAsync(sp => Service(sp).SendToCitizenAsync(queued.Id, specialist, "您好，请问是个体户还是公司？", default));
        var activeWhileHeld = await host.InScopeAsync(sp => Service(sp).GetActiveAsync("conv-9", default));
        await host.InScopeAsync(sp => Service(sp).CompleteAsync(queued.Id, specialist, "已告知个体户设立材料", default));
        var activeAfter = await host.InScopeAsync(sp => Service(sp).GetActiveAsync("conv-9", default));

        Assert.Equal(queued.Id, again.Id);
        Assert.Equal("138****5678", queued.MaskedContact);
        var entry = Assert.Single(queue);
        Assert.Equal(TimeSpan.FromMinutes(3), entry.Waiting);
        Assert.Equal(HandoffStatus.Accepted, activeWhileHeld?.Status);
        Assert.Null(activeAfter);
        Assert.Equal([CitizenNoticeKind.SpecialistJoined, CitizenNoticeKind.SpecialistMessage, CitizenNoticeKind.HandoffEnded], host.Notifier.Citizen.Select(n => n.Kind));
        Assert.Equal("人工客服 工号1024 为您服务。", host.Notifier.Citizen.First().Text);
        Assert.All(host.Notifier.Citizen, n => Assert.Equal("conv-9", n.ConversationId));
    }

    [Fact]
    public async Task A_handoff_converted_to_a_ticket_carries_its_conversation_candidate_items_and_contact()
    {
        using var database = await TestDatabase.CreateAsync("sqlite", postgres);
        await using var host = await HandoffTestHost.StartAsync(database, new ManualTimeProvider(Monday9), "host-a");
        var specialist = Actor.Staff("zhang", StaffRole.Specialist);
        var handoff = await host.InScopeAsync(sp => sp.GetRequiredService<IHandoffService>().InitiateAsync(Request("conv-10"), default));

        var ticket = await host.InScopeAsync(sp => sp.GetRequiredService<IHandoffService>()
            .ConvertToTicketAsync(handoff.Id, TicketCategory.CrossDepartment, "开饭馆一件事", specialist, default));

        Assert.NotNull(ticket);
        Assert.Equal(("directline", "conv-10", handoff.Id), (ticket.ChannelId, ticket.ConversationId, ticket.HandoffId));
        Assert.Equal(["SCJG-01", "B-03"], ticket.ItemIds);
        Assert.Equal("13812345678", await host.InScopeAsync(sp => sp.GetRequiredService<ITicketService>().ContactAsync(ticket.Number, default)));
        Assert.Contains(host.Notifier.Citizen, n => n.Kind == CitizenNoticeKind.TicketOpened && n.Text.Contains(ticket.Number));
        await Assert.ThrowsAsync<HandoffRuleException>(() => host.InScopeAsync(sp => sp.GetRequiredService<IHandoffService>()
            .ConvertToTicketAsync(handoff.Id, TicketCategory.Help, "again", specialist, default)));
    }
}
