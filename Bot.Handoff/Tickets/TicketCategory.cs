namespace Bot.Handoff.Tickets;

/// <summary>What kind of request a ticket is; deadlines are configured per category.</summary>
public enum TicketCategory
{
    /// <summary>咨询.</summary>
    Consultation,

    /// <summary>求助.</summary>
    Help,

    /// <summary>疑难.</summary>
    Difficult,

    /// <summary>跨部门.</summary>
    CrossDepartment,

    /// <summary>投诉.</summary>
    Complaint,

    /// <summary>建议.</summary>
    Suggestion,
}

public static class TicketCategoryLabels
{
    public static string Label(this TicketCategory category) => category switch
    {
        TicketCategory.Consultation => "咨询",
        TicketCategory.Help => "求助",
        TicketCategory.Difficult => "疑难",
        TicketCategory.CrossDepartment => "跨部门",
        TicketCategory.Complaint => "投诉",
        TicketCategory.Suggestion => "建议",
        _ => category.ToString(),
    };
}
