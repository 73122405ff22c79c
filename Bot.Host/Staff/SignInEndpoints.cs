using Bot.Handoff.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace Bot.Host.Staff;

/// <summary>Staff sign-in and sign-out with a cookie (JSON; the console page at /console uses it).</summary>
internal static class SignInEndpoints
{
    public sealed record SignInRequest(string? UserName, string? Password);

    public sealed record StaffMe(string UserName, string DisplayName, string EmployeeNumber, string Role, string? DepartmentId);

    public static IEndpointRouteBuilder MapStaffSignIn(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff").WithTags("Staff");
        api.MapPost("/login", SignIn).AllowAnonymous().WithName("StaffSignIn").WithSummary("Signs a member of staff in with a cookie.");
        api.MapPost("/logout", SignOut).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = StaffRoles.Anyone })
            .WithName("StaffSignOut").WithSummary("Signs out.");
        api.MapGet("/me", Me).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = StaffRoles.Anyone })
            .WithName("StaffMe").WithSummary("Who is signed in.");
        return routes;
    }

    public static async Task<Results<Ok<StaffMe>, ProblemHttpResult>> SignIn(SignInRequest request, HttpContext context, HandoffDbContext db,
        StaffPasswords passwords, ILogger<StaffPasswords> logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UserName))
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "userName is required.", extensions: Field("userName"));
        if (string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "password is required.", extensions: Field("password"));
        var member = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.UserName == request.UserName, cancellationToken);
        if (member is null || !passwords.Verify(member, request.Password))
        {
            logger.StaffSignInRefused(request.UserName);
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized", detail: "Unknown user name or wrong password.");
        }
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            StaffClaims.Principal(member, CookieAuthenticationDefaults.AuthenticationScheme));
        logger.StaffSignedIn(member.UserName, member.Role.ToString());
        return TypedResults.Ok(new StaffMe(member.UserName, member.DisplayName, member.EmployeeNumber, member.Role.ToString(), member.DepartmentId));
    }

    public static async Task<NoContent> SignOut(HttpContext context, ILogger<StaffPasswords> logger)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        logger.StaffSignedOut(context.User.Identity!.Name!);
        return TypedResults.NoContent();
    }

    public static Ok<StaffMe> Me(ClaimsPrincipal user) => TypedResults.Ok(new StaffMe(user.Identity!.Name!, user.FindFirstValue(ClaimTypes.GivenName) ?? "",
        user.FindFirstValue(StaffClaims.EmployeeNumber) ?? "", user.Role().ToString(), user.FindFirstValue(StaffClaims.Department)));

    internal static Dictionary<string, object?> Field(string name) => new() { ["field"] = name };
}
