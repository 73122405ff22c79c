using System.Security.Claims;
using Bot.Handoff.Staff;

namespace Bot.Host.Staff;

/// <summary>The staff member behind a request, as the cookie carries them.</summary>
internal static class StaffClaims
{
    public const string Department = "govdoorplate:department";
    public const string EmployeeNumber = "govdoorplate:employee_number";

    public static ClaimsPrincipal Principal(StaffMember member, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, member.UserName),
            new(ClaimTypes.GivenName, member.DisplayName),
            new(ClaimTypes.Role, member.Role.ToString()),
            new(EmployeeNumber, member.EmployeeNumber),
        };
        if (member.DepartmentId is { } department) claims.Add(new Claim(Department, department));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Actor Actor(this ClaimsPrincipal user) =>
        Bot.Handoff.Staff.Actor.Staff(user.Identity!.Name!, Role(user), user.FindFirstValue(Department));

    public static StaffRole Role(this ClaimsPrincipal user) => Enum.Parse<StaffRole>(user.FindFirstValue(ClaimTypes.Role)!);

    /// <summary>The department a department handler is bound to; null for every other role.</summary>
    public static string? HandlerDepartment(this ClaimsPrincipal user) =>
        user.Role() == StaffRole.DepartmentHandler ? user.FindFirstValue(Department) : null;
}
