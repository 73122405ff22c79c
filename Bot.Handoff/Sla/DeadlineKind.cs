namespace Bot.Handoff.Sla;

/// <summary>The promises a ticket carries; each is met by a move of the ticket or breached by the clock.</summary>
public enum DeadlineKind
{
    /// <summary>From opening until a specialist accepts it.</summary>
    FirstResponse,

    /// <summary>From dispatch until the lead department starts on it.</summary>
    DepartmentAcceptance,

    /// <summary>From opening (or reopening) until it is resolved.</summary>
    Resolution,

    /// <summary>After a 不满意/非常不满意 rating: rectified and resolved again within 5 working days.</summary>
    Rectification,
}

public static class DeadlineKindLabels
{
    public static string Label(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.FirstResponse => "首次响应",
        DeadlineKind.DepartmentAcceptance => "部门签收",
        DeadlineKind.Resolution => "办结",
        DeadlineKind.Rectification => "整改",
        _ => kind.ToString(),
    };
}
