using Bot.Host.Channels.Embed;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.WebPage;

/// <summary>The citizen page at <c>/</c> (Web Chat on Direct Line); <c>/embed.js</c> and the assets are static files.</summary>
internal static class WebPageEndpoints
{
    public static IEndpointRouteBuilder MapWebPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Page).WithName("CitizenPage").ExcludeFromDescription();
        return routes;
    }

    public static PhysicalFileHttpResult Page(HttpResponse response, IWebHostEnvironment environment, IOptions<EmbedOptions> embed)
    {
        // The page may be framed by this site and the configured embedding sites only (clickjacking protection).
        var ancestors = string.Join(' ', ["'self'", .. embed.Value.AllowedOrigins]);
        response.Headers.ContentSecurityPolicy = $"frame-ancestors {ancestors}";
        response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "index.html"), "text/html; charset=utf-8");
    }
}
