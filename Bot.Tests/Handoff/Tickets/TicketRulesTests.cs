using Bot.Handoff;
using Bot.Handoff.Ratings;
using Bot.Handoff.Sla;
using Bot.Handoff.Staff;
using Bot.Handoff.Tickets;

namespace Bot.Tests.Handoff.Tickets;

public sealed class TicketRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly Actor Specialist = Actor.Staff("zhang", StaffRole.Specialist);
    private static readonly Actor Handler = Actor.Staff("li", StaffRole.DepartmentHandler, "SCJG");
    private static readonly Actor OtherHandler = Actor.Staff("wang", StaffRole.DepartmentHandler, "GA");

    /// <summary>Every move, and the status it leads to from each status where it is legal.</summary>
    private static readonly Dictionary<string, Dictionary<TicketStatus, TicketStatus>> Legal = new()
    {
        ["accept"] = new() { [TicketStatus.New] = TicketStatus.Accepted },
        ["dispatch"] = new() { [TicketStatus.Accepted] = TicketStatus.Dispatched },
        ["start"] = new() { [TicketStatus.Dispatched] = TicketStatus.InProgress },
        ["resolve"] = new() { [TicketStatus.Accepted] = TicketStatus.Resolved, [TicketStatus.InProgress] = TicketStatus.Resolved },
        ["return-visit"] = new() { [TicketStatus.Resolved] = TicketStatus.ReturnVisited },
        ["close"] = new() { [TicketStatus.ReturnVisited] = TicketStatus.Closed },
        ["reopen"] = new() { [TicketStatus.Resolved] = TicketStatus.InProgress, [TicketStatus.ReturnVisited] = TicketStatus.InProgress, [TicketStatus.Closed] = TicketStatus.InProgress },
        ["rate-satisfied"] = new() { [TicketStatus.Resolved] = TicketStatus.Resolved, [TicketStatus.ReturnVisited] = TicketStatus.ReturnVisited, [TicketStatus.Closed] = TicketStatus.Closed },
        ["rate-dissatisfied"] = new() { [TicketStatus.Resolved] = TicketStatus.InProgress, [TicketStatus.ReturnVisited] = TicketStatus.InProgress, [TicketStatus.Closed] = TicketStatus.InProgress },
        ["escalate"] = Enum.GetValues<TicketStatus>().Where(s => s != TicketStatus.Closed).ToDictionary(s => s, s => s),
    };

    public static TheoryData<TicketStatus, string> EveryStatusAndMove()
    {
        var data = new TheoryData<TicketStatus, string>();
        foreach (var status in Enum.GetValues<TicketStatus>())
            foreach (var move in Legal.Keys)
                data.Add(status, move);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndMove))]
    public void Every_move_from_every_status_is_either_made_and_audited_or_refused_changing_nothing(TicketStatus status, string move)
    {
        var ticket = TicketAt(status);
        var before = (ticket.Status, ticket.Version, ticket.History.Count, ticket.LeadDepartmentId, ticket.Rating, ticket.Cycle, ticket.EscalationLevel);

        if (Legal[move].TryGetValue(status, out var expected))
        {
            Make(ticket, move);
            Assert.Equal(expected, ticket.Status);
            var last = ticket.History[^1];
            Assert.Equal(ticket.History.Count, last.Sequence);
            Assert.Equal(T0.AddHours(10), last.At);
            Assert.Equal(ticket.Status, last.ToStatus);
            Assert.NotEqual(before.Version, ticket.Version);
        }
        else
        {
            Assert.Throws<HandoffRuleException>(() => Make(ticket, move));
            Assert.Equal(before, (ticket.Status, ticket.Version, ticket.History.Count, ticket.LeadDepartmentId, ticket.Rating, ticket.Cycle, ticket.EscalationLevel));
        }
    }

    [Fact]
    public void A_ticket_resolved_by_the_specialist_goes_back_to_the_specialist_when_reopened()
    {
        var ticket = NewTicket();
        ticket.Accept(Specialist, T0);
        ticket.Resolve(Specialist, T0, "已电话答复");

        ticket.Reopen(Specialist, T0.AddDays(1), "群众反映仍未解决");

        Assert.Equal(TicketStatus.Accepted, ticket.Status);
        Assert.Equal(1, ticket.Cycle);
        Assert.Null(ticket.ResolvedAt);
    }

    [Fact]
    public void A_bad_rating_reopens_for_rectification_and_needs_a_new_return_visit_before_closing()
    {
        var ticket = TicketAt(TicketStatus.ReturnVisited);
        var due = T0.AddDays(7);

        ticket.Rate(SatisfactionLevel.VeryDissatisfied, "材料清单不对", T0.AddDays(2), due);

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Equal(due, ticket.RectificationDueAt);
        Assert.Equal([TicketAction.Rated, TicketAction.Reopened], ticket.History.TakeLast(2).Select(e => e.Action));
        Assert.Throws<HandoffRuleException>(() => ticket.Close(Specialist, T0.AddDays(3)));
        ticket.Resolve(Handler, T0.AddDays(3), "已整改");
        Assert.Throws<HandoffRuleException>(() => ticket.Close(Specialist, T0.AddDays(3)));
        ticket.RecordReturnVisit(Specialist, T0.AddDays(3), "群众表示满意");
        ticket.Close(Specialist, T0.AddDays(3));
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void A_resolution_can_be_rated_only_once()
    {
        var ticket = TicketAt(TicketStatus.Resolved);
        ticket.Rate(SatisfactionLevel.Satisfied, null, T0.AddDays(1), T0.AddDays(8));

        Assert.Throws<HandoffRuleException>(() => ticket.Rate(SatisfactionLevel.VeryDissatisfied, null, T0.AddDays(2), T0.AddDays(9)));
        Assert.Equal(SatisfactionLevel.Satisfied, ticket.Rating);
    }

    [Fact]
    public void Only_the_lead_department_may_start_or_resolve_a_dispatched_ticket()
    {
        var ticket = TicketAt(TicketStatus.Dispatched);

        Assert.Throws<HandoffRuleException>(() => ticket.Start(OtherHandler, T0));
        ticket.Start(Handler, T0);
        Assert.Throws<HandoffRuleException>(() => ticket.Resolve(OtherHandler, T0, "办好了"));
    }

    [Fact]
    public void A_department_cannot_both_lead_and_co_operate()
    {
        var ticket = TicketAt(TicketStatus.Accepted);

        Assert.Throws<HandoffRuleException>(() => ticket.Dispatch("SCJG", ["SCJG", "GA"], Specialist, T0));
        Assert.Equal(TicketStatus.Accepted, ticket.Status);
    }

    [Fact]
    public void The_audit_trail_records_actor_time_and_note_of_every_step()
    {
        var ticket = TicketAt(TicketStatus.Closed);

        Assert.Equal(
            [TicketAction.Created, TicketAction.Accepted, TicketAction.Dispatched, TicketAction.Started, TicketAction.Resolved, TicketAction.ReturnVisited, TicketAction.Closed],
            ticket.History.Select(e => e.Action));
        Assert.Equal(["zhang", "zhang", "zhang", "li", "li", "zhang", "zhang"], ticket.History.Select(e => e.ActorId));
        Assert.Equal("DepartmentHandler", ticket.History[3].ActorRole);
        Assert.Equal("营业执照已发放", ticket.History[4].Note);
        Assert.Equal(Enumerable.Range(1, 7), ticket.History.Select(e => e.Sequence));
    }

    private static Ticket NewTicket() =>
        Ticket.Open("GD-20261123-0001", TicketCategory.CrossDepartment, "开饭馆需要哪些许可", ["SCJG-01"], "138****5678", "directline", "conv-1", null, Specialist, T0);

    /// <summary>A ticket brought to <paramref name="status"/> by legal moves (the dispatched path where there is a choice).</summary>
    private static Ticket TicketAt(TicketStatus status)
    {
        var ticket = NewTicket();
        var steps = new Action[]
        {
            () => ticket.Accept(Specialist, T0.AddMinutes(5)),
            () => ticket.Dispatch("SCJG", ["GA"], Specialist, T0.AddMinutes(10), "跨部门"),
            () => ticket.Start(Handler, T0.AddHours(1)),
            () => ticket.Resolve(Handler, T0.AddHours(2), "营业执照已发放"),
            () => ticket.RecordReturnVisit(Specialist, T0.AddHours(3), "群众满意"),
            () => ticket.Close(Specialist, T0.AddHours(4)),
        };
        foreach (var step in steps)
        {
            if (ticket.Status == status) break;
            step();
        }
        Assert.Equal(status, ticket.Status);
        return ticket;
    }

    private static void Make(Ticket ticket, string move)
    {
        var at = T0.AddHours(10);
        var actor = ticket.Status is TicketStatus.Dispatched or TicketStatus.InProgress ? Handler : Specialist;
        switch (move)
        {
            case "accept": ticket.Accept(actor, at); break;
            case "dispatch": ticket.Dispatch("SCJG", ["GA"], actor, at); break;
            case "start": ticket.Start(actor, at); break;
            case "resolve": ticket.Resolve(actor, at, "已办结"); break;
            case "return-visit": ticket.RecordReturnVisit(actor, at, "已回访"); break;
            case "close": ticket.Close(actor, at); break;
            case "reopen": ticket.Reopen(actor, at, "重新办理"); break;
            case "rate-satisfied": ticket.Rate(SatisfactionLevel.VerySatisfied, null, at, at.AddDays(7)); break;
            case "rate-dissatisfied": ticket.Rate(SatisfactionLevel.Dissatisfied, "没解决", at, at.AddDays(7)); break;
            case "escalate": ticket.Escalate(DeadlineKind.Resolution, 1, at); break;
            default: throw new ArgumentOutOfRangeException(nameof(move));
        }
    }
}
