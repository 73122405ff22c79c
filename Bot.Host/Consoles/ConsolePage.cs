namespace Bot.Host.Consoles;

/// <summary>The specialist and department console at <c>/console</c>: a static page (wwwroot/console) on the staff APIs and the hub.</summary>
internal static class ConsolePage
{
    public static IEndpointRouteBuilder MapConsolePage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/console", Page).WithName("StaffConsole").ExcludeFromDescription();
        return routes;
    }

    public static IResult Page(HttpResponse response, IWebHostEnvironment environment)
    {
        // Staff pages are never framed, and run only this site's scripts.
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "console", "index.html"), "text/html; charset=utf-8");
    }
}
