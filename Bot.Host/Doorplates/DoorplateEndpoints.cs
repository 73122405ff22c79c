using Bot.Host.Hosting;
using Bot.Host.Errors;
using Bot.Host.Channels.WebPage;
using Bot.Host.Items;
using Bot.Knowledge.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Host.Doorplates;

/// <summary>
/// QR doorplates: <c>/d/{id}</c> opens the widget on an item or service point (the page sends a
/// <c>doorplate/open</c> event), <c>/doorplates/{id}.svg|.png</c> are its QR code, <c>/doorplates/{id}</c> the printable plate.
/// </summary>
internal static class DoorplateEndpoints
{
    public static IEndpointRouteBuilder MapDoorplates(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/d/{id}", Open).WithName("OpenDoorplate").WithTags("Doorplates").ExcludeFromDescription();
        var plates = routes.MapGroup("/doorplates").WithTags("Doorplates");
        plates.MapGet("/{id}.svg", Svg).WithName("DoorplateQrSvg").Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
        plates.MapGet("/{id}.png", Png).WithName("DoorplateQrPng").Produces(StatusCodes.Status200OK, contentType: "image/png");
        plates.MapGet("/{id}", Print).WithName("PrintDoorplate").Produces(StatusCodes.Status200OK, contentType: "text/html");
        return routes;
    }

    public static Results<PhysicalFileHttpResult, ProblemHttpResult> Open(string id, HttpResponse response, IKnowledgeCatalog catalog,
        IWebHostEnvironment environment, IOptions<Channels.Embed.EmbedOptions> embed) =>
        Doorplate.Find(catalog.Current, id) is null ? NotFound(id) : WebPageEndpoints.Page(response, environment, embed);

    public static Results<ContentHttpResult, ProblemHttpResult> Svg(string id, IKnowledgeCatalog catalog, IOptions<SiteOptions> options) =>
        Doorplate.Find(catalog.Current, id) is null ? NotFound(id) : TypedResults.Text(QrCodes.Svg(DeepLink(options.Value, id)), "image/svg+xml");

    public static Results<FileContentHttpResult, ProblemHttpResult> Png(string id, IKnowledgeCatalog catalog, IOptions<SiteOptions> options) =>
        Doorplate.Find(catalog.Current, id) is null ? NotFound(id) : TypedResults.File(QrCodes.Png(DeepLink(options.Value, id)), "image/png");

    public static Results<ContentHttpResult, ProblemHttpResult> Print(string id, string? size, IKnowledgeCatalog catalog,
        IOptions<SiteOptions> options)
    {
        if (Doorplate.Find(catalog.Current, id) is not { } plate) return NotFound(id);
        var paper = string.Equals(size, "A4", StringComparison.OrdinalIgnoreCase) ? "A4" : "A5";
        return TypedResults.Text(DoorplatePage.Render(plate, DeepLink(options.Value, id), paper), "text/html; charset=utf-8");
    }

    /// <summary>The address a QR code points to, on the configured public base.</summary>
    public static string DeepLink(SiteOptions options, string id) => options.Link($"/d/{Uri.EscapeDataString(id)}");

    private static ProblemHttpResult NotFound(string id) =>
        Problems.NotFound("Doorplate not found", "id", $"There is no service item or service point with id '{id}'.");
}
