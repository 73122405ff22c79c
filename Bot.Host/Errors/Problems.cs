using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Errors;

/// <summary>Problem-details results that name the offending field (<c>"field": "id"</c>), as every endpoint reports them.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string title, string field, string detail) => Of(StatusCodes.Status404NotFound, title, field, detail);

    public static ProblemHttpResult BadRequest(string title, string field, string detail) => Of(StatusCodes.Status400BadRequest, title, field, detail);

    private static ProblemHttpResult Of(int status, string title, string field, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });
}
