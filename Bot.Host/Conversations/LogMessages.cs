using Bot.Knowledge.Search;

namespace Bot.Host.Conversations;

/// <summary>Conversation log events (EventIds 3200–3299). Never the citizen's text: ids and decisions only.</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(3201, LogLevel.Information, "Turn searched: decision {Decision}, top {TopId} ({Score:0.000})")]
    public static partial void TurnSearched(this ILogger logger, SearchDecision decision, string? topId, double score);

    [LoggerMessage(3202, LogLevel.Information, "Checklist given for {Subject} with {Materials} materials")]
    public static partial void ChecklistGiven(this ILogger logger, string subject, int materials);

    [LoggerMessage(3203, LogLevel.Information, "Handoff requested ({Reason}); {Waiting} waiting")]
    public static partial void HandoffRequested(this ILogger logger, string reason, int waiting);

    [LoggerMessage(3208, LogLevel.Warning, "No activity sink for channel {ChannelId}: a notice for the citizen could not be delivered")]
    public static partial void NoSinkForChannel(this ILogger logger, string channelId);

    [LoggerMessage(3209, LogLevel.Warning, "The optional phrasing model failed; the reply is sent as written")]
    public static partial void PhrasingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(3207, LogLevel.Information, "Handoff requested ({Reason}) but nobody can take it ({Why}); a ticket was opened")]
    public static partial void HandoffTicketOpened(this ILogger logger, string reason, string why);

    [LoggerMessage(3204, LogLevel.Information, "Error report recorded for {Subject}")]
    public static partial void ErrorReported(this ILogger logger, string? subject);

    [LoggerMessage(3205, LogLevel.Warning, "Conversation {ConversationId} changed under this turn; retrying")]
    public static partial void TurnConflict(this ILogger logger, string conversationId);

    [LoggerMessage(3206, LogLevel.Error, "Turn failed in conversation {ConversationId}")]
    public static partial void TurnFailed(this ILogger logger, string conversationId, Exception exception);
}
