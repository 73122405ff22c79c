namespace Bot.Handoff.Staff;

/// <summary>What a member of staff may do in the consoles.</summary>
public enum StaffRole
{
    /// <summary>帮办导办专员: takes live handoffs, opens and dispatches tickets, visits citizens back.</summary>
    Specialist,

    /// <summary>部门经办人: works the tickets dispatched to their own department.</summary>
    DepartmentHandler,

    /// <summary>督办人: sees every ticket and every escalation (督办).</summary>
    Supervisor,

    /// <summary>知识管理员: curates the knowledge base; no access to tickets.</summary>
    Curator,

    /// <summary>系统管理员.</summary>
    Admin,
}
