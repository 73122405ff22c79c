using Bot.Host.Errors;
using Bot.Host.Items;
using Bot.Knowledge.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Places;

/// <summary>Service points: where to go, when it is open, and which items it handles.</summary>
internal static class PlacesEndpoints
{
    public static IEndpointRouteBuilder MapPlaces(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/service-points").WithTags("Service points");
        api.MapGet("/", ListPoints).WithName("ListServicePoints");
        api.MapGet("/{id}", GetPoint).WithName("GetServicePoint");
        return routes;
    }

    public static Ok<IReadOnlyList<PlaceDetail>> ListPoints(IKnowledgeCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<PlaceDetail>>(catalog.Current.ServicePoints.Values.Select(p => p.Detail()).ToList());

    public static Results<Ok<ServicePointDetail>, ProblemHttpResult> GetPoint(string id, IKnowledgeCatalog catalog)
    {
        var knowledge = catalog.Current;
        if (!knowledge.ServicePoints.TryGetValue(id, out var point))
            return Problems.NotFound("Service point not found", "id", $"There is no service point with id '{id}'.");
        var items = knowledge.ItemsHandledAt(id).Select(i => knowledge.Items[i].Summary(knowledge)).ToList();
        return TypedResults.Ok(new ServicePointDetail(point.Detail(), point.Notes, items));
    }
}

public sealed record ServicePointDetail(PlaceDetail Point, string? Notes, IReadOnlyList<ItemSummary> Items);
