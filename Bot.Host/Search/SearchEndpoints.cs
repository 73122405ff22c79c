using Bot.Host.Errors;
using Bot.Knowledge.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Search;

/// <summary><c>GET /api/search?q=…&amp;top=N</c>: the decision and the ranked items and bundles, optionally with why.</summary>
internal static class SearchEndpoints
{
    public const int MaxQueryLength = 200;
    public const int MaxTop = 20;

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", Search).WithName("Search").WithTags("Search")
            .WithSummary("Maps a colloquial request to catalogue items and bundles and decides answer, clarify or none.");
        return routes;
    }

    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        HybridKnowledgeSearch search, string? q, int? top, bool? explain, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q)) return BadRequest("q", "q is required: the citizen's words to search for.");
        if (q.Length > MaxQueryLength) return BadRequest("q", $"q is longer than {MaxQueryLength} characters.");
        if (top is < 1 or > MaxTop) return BadRequest("top", $"top must be between 1 and {MaxTop}.");
        var result = explain == true
            ? await search.ExplainAsync(q, top ?? 5, cancellationToken)
            : await search.SearchAsync(q, top ?? 5, cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            result.Decision.ToString().ToLowerInvariant(),
            result.Hits.Select(h => new SearchResponseHit(h.Id, h.Kind.ToString().ToLowerInvariant(), h.Name, Math.Round(h.Score, 4),
                explain == true ? h.Signals : null)).ToList()));
    }

    private static ProblemHttpResult BadRequest(string field, string detail) => Problems.BadRequest("Invalid search request", field, detail);
}

/// <summary>The search contract: <c>{ "decision": "answer"|"clarify"|"none", "results": [ { "id", "kind", "name", "score" } ] }</c>.</summary>
public sealed record SearchResponse(string Decision, IReadOnlyList<SearchResponseHit> Results);

/// <summary>One result; <c>signals</c> only when <c>explain=true</c>.</summary>
public sealed record SearchResponseHit(string Id, string Kind, string Name, double Score,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] SearchSignals? Signals);
