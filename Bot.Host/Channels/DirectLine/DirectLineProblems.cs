using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Direct Line errors as RFC 9457 problem details. Each also carries the service's own error shape
/// (<c>"error": { "code", "message" }</c>) so that clients written against the Direct Line service read them too.
/// </summary>
internal static class DirectLineProblems
{
    public static ProblemHttpResult MissingCredential() => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "MissingSecretOrToken",
        "Send the channel secret or a Direct Line token as 'Authorization: Bearer …'.");

    public static ProblemHttpResult InvalidCredential() => Problem(StatusCodes.Status403Forbidden, "Forbidden", "TokenExpiredOrInvalid",
        "The secret or token is not valid, or the token has expired; get a new token.");

    public static ProblemHttpResult WrongConversation() => Problem(StatusCodes.Status403Forbidden, "Forbidden", "TokenNotValidForConversation",
        "This token opens another conversation.");

    public static ProblemHttpResult SecretRequired() => Problem(StatusCodes.Status403Forbidden, "Forbidden", "SecretRequired",
        "Only the channel secret may generate tokens.");

    public static ProblemHttpResult TokenRequired() => Problem(StatusCodes.Status403Forbidden, "Forbidden", "TokenRequired",
        "Only a token can be refreshed; the secret does not expire.");

    public static ProblemHttpResult ConversationNotFound(string conversationId) => Problem(StatusCodes.Status404NotFound, "Conversation not found",
        "BadArgument", $"There is no conversation '{conversationId}'.", "conversationId");

    public static ProblemHttpResult BadArgument(string field, string detail) =>
        Problem(StatusCodes.Status400BadRequest, "Bad request", "BadArgument", detail, field);

    public static ProblemHttpResult TooLarge(string field, string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", "MessageSizeTooBig", detail, field);

    public static ProblemHttpResult TooManyRequests(string scope, TimeSpan retryAfter) => Problem(StatusCodes.Status429TooManyRequests,
        "Too many requests", "TooManyRequests",
        $"Too many requests for this {scope}; retry after {Math.Ceiling(retryAfter.TotalSeconds):0} s.", scope);

    private static ProblemHttpResult Problem(int status, string title, string code, string detail, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["error"] = new DirectLineError(code, detail) };
        if (field is not null) extensions["field"] = field;
        return TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
    }
}

/// <summary>The Direct Line service's error object.</summary>
public sealed record DirectLineError(string Code, string Message);
