using Microsoft.AspNetCore.Authentication.Cookies;

namespace Bot.Host.Staff;

/// <summary>Staff sign-in (cookies, PBKDF2 password hashes, five roles) and the staff APIs.</summary>
internal static class StaffSetup
{
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<StaffOptions>, StaffOptionsValidation>();
        services.AddSingleton<StaffPasswords>();
        services.AddHostedService<DevelopmentAccounts>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "govdoorplate.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            // An API answers 401/403 (as problem details, via the status-code pages), never a redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<StaffOptions>>((cookie, staff) => cookie.ExpireTimeSpan = staff.Value.SessionTimeout);
        services.AddAuthorization();
        return services;
    }

    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder routes)
    {
        routes.MapStaffSignIn();
        routes.MapStaffTickets();
        routes.MapStaffHandoffs();
        routes.MapStaffStatistics();
        return routes;
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
