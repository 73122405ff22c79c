using Bot.Host.Conversations.State;
using Bot.Host.Errors;
using Bot.Host.Staff;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Curation;
using Bot.Knowledge.Items;
using Bot.Knowledge.Seed;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Curation;

/// <summary>The curators' side of the knowledge base: what the assistant missed, what citizens reported, publishing a corrected item.</summary>
internal static class CurationEndpoints
{
    private const int MaxTake = 500;

    public static IEndpointRouteBuilder MapCuration(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff/curation").WithTags("Curation");
        api.MapGet("/missed-queries", MissedQueries).Roles(StaffRoles.Curators).WithName("ListMissedQueries")
            .WithSummary("Unresolved none and clarify decisions citizens met, newest first (masked).");
        api.MapGet("/error-reports", ErrorReports).Roles(StaffRoles.Curators).WithName("ListErrorReports")
            .WithSummary("Errors citizens reported (找茬) with the item and the answer shown.");
        api.MapPut("/items/{id}", PublishItem).Roles(StaffRoles.Curators).WithName("PublishItem")
            .WithSummary("Publishes a corrected item: validated like the seed, stored, re-indexed at once on every host.");
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<MissedQuery>>, ProblemHttpResult>> MissedQueries(
        MissedQueryLog log, int? take, CancellationToken cancellationToken)
    {
        if (take is < 1 or > MaxTake) return Problems.BadRequest("Invalid request", "take", $"take must be between 1 and {MaxTake}.");
        return TypedResults.Ok(await log.UnresolvedAsync(take ?? 100, cancellationToken));
    }

    public static async Task<Results<Ok<IReadOnlyList<ErrorReport>>, ProblemHttpResult>> ErrorReports(
        ConversationStore store, int? take, CancellationToken cancellationToken)
    {
        if (take is < 1 or > MaxTake) return Problems.BadRequest("Invalid request", "take", $"take must be between 1 and {MaxTake}.");
        return TypedResults.Ok(await store.ErrorReportsAsync(take ?? 100, cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PublishItem(
        string id, ServiceItem? item, KnowledgePublisher publisher, IKnowledgeCatalog catalog, CancellationToken cancellationToken)
    {
        if (item is null) return Problems.BadRequest("Invalid item", "item", "The body must be the item as GET /api/items/{id} of the store returns it.");
        if (item.Id != id) return Problems.BadRequest("Invalid item", "id", $"The body's id '{item.Id}' differs from the address's '{id}'.");
        if (!catalog.Current.Items.ContainsKey(id))
            return Problems.NotFound("Item not found", "id", $"There is no catalogue item '{id}'; new items come through the reviewed seed.");
        try
        {
            await publisher.PublishAsync(item, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (SeedValidationException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The item breaks a knowledge rule",
                detail: string.Join("; ", e.Problems.Select(p => p.Message)),
                extensions: new Dictionary<string, object?> { ["field"] = "item", ["problems"] = e.Problems.Select(p => p.Message).ToList() });
        }
    }
}
