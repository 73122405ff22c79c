using Bot.Host.Errors;
using Bot.Host.Hosting;
using Bot.Host.Conversations.State;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Checklists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Host.Checklists;

/// <summary>The stable, shareable page of a checklist the assistant gave: <c>/checklists/{id}</c>.</summary>
internal static class ChecklistEndpoints
{
    public static IEndpointRouteBuilder MapChecklists(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/checklists/{id}", GetChecklistPage).WithName("GetChecklistPage").WithTags("Checklists").ExcludeFromDescription();
        return routes;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetChecklistPage(
        string id, ConversationStore store, IKnowledgeCatalog catalog, IOptions<SiteOptions> site, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var saved = id.Length <= 16 ? await store.FindChecklistAsync(id, cancellationToken) : null;
        if (saved is not { } found || ChecklistBuilder.For(found.SubjectId, catalog.Current, found.Answers) is not { } checklist)
            return Problems.NotFound("Checklist not found", "id", $"There is no checklist '{id}'.");
        var url = site.Value.Link($"/checklists/{id}");
        return TypedResults.Content(ChecklistPage.Render(checklist, catalog.Current, url, time.GetUtcNow()), "text/html; charset=utf-8");
    }
}
