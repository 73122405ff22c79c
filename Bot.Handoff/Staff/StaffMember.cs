namespace Bot.Handoff.Staff;

/// <summary>A staff account of the consoles. The password hash is made and checked by the host.</summary>
public sealed class StaffMember
{
    private StaffMember() { }

    public StaffMember(string userName, string displayName, string employeeNumber, StaffRole role, string? departmentId, string passwordHash)
    {
        if (role == StaffRole.DepartmentHandler && string.IsNullOrWhiteSpace(departmentId))
            throw new HandoffRuleException("部门经办人必须属于一个部门。");
        UserName = userName;
        DisplayName = displayName;
        EmployeeNumber = employeeNumber;
        Role = role;
        DepartmentId = role == StaffRole.DepartmentHandler ? departmentId : null;
        PasswordHash = passwordHash;
    }

    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";

    /// <summary>工号, shown to the citizen when a specialist takes over ("人工客服 工号… 为您服务").</summary>
    public string EmployeeNumber { get; private set; } = "";

    public StaffRole Role { get; private set; }
    public string? DepartmentId { get; private set; }
    public string PasswordHash { get; private set; } = "";

    public Actor AsActor() => Actor.Staff(UserName, Role, DepartmentId);

    public void ChangePasswordHash(string hash) => PasswordHash = hash;
}
