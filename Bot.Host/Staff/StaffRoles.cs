using Bot.Handoff.Staff;

namespace Bot.Host.Staff;

/// <summary>Which roles may call which staff endpoints, as <c>[Authorize(Roles = …)]</c> lists.</summary>
internal static class StaffRoles
{
    private const string Specialist = nameof(StaffRole.Specialist);
    private const string Handler = nameof(StaffRole.DepartmentHandler);
    private const string Supervisor = nameof(StaffRole.Supervisor);
    private const string Admin = nameof(StaffRole.Admin);
    private const string Curator = nameof(StaffRole.Curator);

    /// <summary>Any member of staff.</summary>
    public const string Anyone = $"{Specialist},{Handler},{Supervisor},{Curator},{Admin}";

    /// <summary>Everyone who works tickets (a department handler sees only their department's).</summary>
    public const string TicketReaders = $"{Specialist},{Handler},{Supervisor},{Admin}";

    /// <summary>The assisted-handling desk: open, accept, dispatch, return visit, close, reopen; live handoffs.</summary>
    public const string Desk = $"{Specialist},{Supervisor},{Admin}";

    /// <summary>The lead department: start on a dispatched ticket.</summary>
    public const string Department = $"{Handler},{Supervisor},{Admin}";

    /// <summary>Resolve: the specialist (not dispatched) or the lead department (dispatched).</summary>
    public const string Resolvers = $"{Specialist},{Handler},{Supervisor},{Admin}";

    /// <summary>The knowledge base: missed queries, error reports, publishing items.</summary>
    public const string Curators = $"{Curator},{Admin}";

    /// <summary>督办: the escalation list.</summary>
    public const string Supervisors = $"{Supervisor},{Admin}";
}
