using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Send an activity (one turn) and read activities after a watermark (polling).</summary>
internal static class ActivityEndpoints
{
    private const int PageSize = 500;

    public static async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> Post(
        string conversationId, DirectLineCaller caller, [FromBody] Activity activity, [FromServices] ITurnHandler bot,
        DirectLineTurns turns, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (Check(activity, caller, options.Value) is { } problem) return problem;
        try
        {
            // The append of the user's activity finds out whether the conversation exists; no read before it.
            var id = await turns.RunAsync(conversationId, activity, UserOf(activity, caller), bot, cancellationToken);
            return TypedResults.Ok(new ResourceResponse(id));
        }
        catch (ConversationNotFoundException)
        {
            return DirectLineProblems.ConversationNotFound(conversationId);
        }
    }

    /// <remarks>
    /// This host's <see cref="TranscriptTail"/> answers most polls; only a miss resolves the store, whose construction
    /// rents a pooled DbContext (a measurable share of a poll otherwise). The tail holds only conversations that exist.
    /// </remarks>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Get(
        string conversationId, string? watermark, DirectLineCaller caller, TranscriptTail tail, HttpContext context, CancellationToken cancellationToken)
    {
        if (!Watermarks.TryParse(watermark, out var after)) return Watermarks.Invalid();
        if (!tail.TryRead(conversationId, after, PageSize, out var activities))
        {
            var store = context.RequestServices.GetRequiredService<DirectLineStore>();
            activities = await store.ReadAsync(conversationId, after, PageSize, cancellationToken);
            // Only an empty page needs to know whether the conversation exists.
            if (activities.Count == 0 && !await store.ExistsAsync(conversationId, cancellationToken))
                return DirectLineProblems.ConversationNotFound(conversationId);
        }
        var next = activities.Count > 0 ? activities[^1].Sequence : after;
        return TypedResults.Text(ActivityJson.ActivitySet(activities, next), "application/json; charset=utf-8");
    }

    /// <summary>Bad input is a 400 naming the field; the body size itself is capped by the endpoint's request size limit.</summary>
    public static ProblemHttpResult? Check(Activity activity, DirectLineCaller caller, DirectLineOptions options)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return DirectLineProblems.BadArgument("type", "type is required (message, event, typing…).");
        if (activity.Text is { } text && text.Length > options.MaxTextLength)
            return DirectLineProblems.BadArgument("text", $"text is longer than {options.MaxTextLength} characters.");
        if (caller.BoundUserId is null && string.IsNullOrWhiteSpace(activity.From?.Id))
            return DirectLineProblems.BadArgument("from.id", "from.id is required when the token does not name the user.");
        if (activity.From?.Id is { Length: > 128 }) return DirectLineProblems.BadArgument("from.id", "from.id is longer than 128 characters.");
        return null;
    }

    /// <summary>A token that names its user fixes the sender, so one citizen cannot speak as another.</summary>
    public static ChannelAccount UserOf(Activity activity, DirectLineCaller caller) =>
        new(caller.BoundUserId ?? activity.From!.Id, activity.From?.Name, "user");
}
