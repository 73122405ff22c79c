using Bot.Host.Errors;
using Bot.Knowledge.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Items;

/// <summary>The published catalogue: items and bundles by their catalogue ids.</summary>
internal static class ItemsEndpoints
{
    public static IEndpointRouteBuilder MapItems(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/items").WithTags("Items");
        api.MapGet("/", ListItems).WithName("ListItems").WithSummary("Every catalogue item and bundle (optionally of one department).");
        api.MapGet("/{id}", GetItem).WithName("GetItem").WithSummary("The full guide of one item or bundle.");
        return routes;
    }

    public static Results<Ok<IReadOnlyList<ItemSummary>>, ProblemHttpResult> ListItems(IKnowledgeCatalog catalog, string? department = null)
    {
        var knowledge = catalog.Current;
        if (department is not null && !knowledge.Departments.ContainsKey(department))
            return Problems.BadRequest("Unknown department", "department", $"department '{department}' is not a catalogue department id.");
        IEnumerable<ItemSummary> items = knowledge.Items.Values
            .Where(i => department is null || i.DepartmentId == department)
            .Select(i => i.Summary(knowledge));
        if (department is null) items = items.Concat(knowledge.Bundles.Values.Select(b => b.Summary()));
        return TypedResults.Ok<IReadOnlyList<ItemSummary>>(items.ToList());
    }

    public static Results<Ok<ItemDetail>, ProblemHttpResult> GetItem(string id, IKnowledgeCatalog catalog)
    {
        var knowledge = catalog.Current;
        if (knowledge.Items.TryGetValue(id, out var item)) return TypedResults.Ok(item.Detail(knowledge));
        if (knowledge.Bundles.TryGetValue(id, out var bundle)) return TypedResults.Ok(bundle.Detail(knowledge));
        return Problems.NotFound("Item not found", "id", $"There is no catalogue item or bundle with id '{id}'.");
    }
}
