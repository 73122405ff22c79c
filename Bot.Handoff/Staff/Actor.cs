namespace Bot.Handoff.Staff;

/// <summary>Who makes a move: a member of staff, the citizen, or the system (deadlines).</summary>
/// <param name="Id">Staff user name, <c>citizen</c> or <c>system</c>.</param>
/// <param name="Role">The staff role, or null for the citizen and the system.</param>
/// <param name="DepartmentId">The catalogue department a department handler works for.</param>
public sealed record Actor(string Id, StaffRole? Role, string? DepartmentId = null)
{
    public static Actor System { get; } = new("system", null);

    public static Actor Citizen { get; } = new("citizen", null);

    public static Actor Staff(string userName, StaffRole role, string? departmentId = null) => new(userName, role, departmentId);

    public override string ToString() => Role is { } role ? $"{Id} ({role})" : Id;
}
