namespace Bot.Host;

/// <summary>Host log events, EventIds 3000–3999. Request paths only; never message text or personal data.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(3001, LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    public static partial void UnhandledException(this ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(3002, LogLevel.Critical, "GovDoorplate could not start: {Reason}")]
    public static partial void StartupFailed(this ILogger logger, string reason);

    [LoggerMessage(3100, LogLevel.Warning, "DirectLine:Secret is not set: using a random secret for this process. Tokens will not survive a restart and other hosts will reject them; set DirectLine__Secret in production.")]
    public static partial void DirectLineSecretMissing(this ILogger logger);

    [LoggerMessage(3101, LogLevel.Error, "Turn failed in Direct Line conversation {ConversationId} on a {ActivityType} activity; the citizen was sent an apology")]
    public static partial void TurnFailed(this ILogger logger, string conversationId, string activityType, Exception exception);

    [LoggerMessage(3102, LogLevel.Information, "Direct Line conversation {ConversationId} started")]
    public static partial void ConversationStarted(this ILogger logger, string conversationId);

    [LoggerMessage(3103, LogLevel.Debug, "Direct Line stream of {ConversationId} closed after sending {Activities} activities")]
    public static partial void StreamClosed(this ILogger logger, string conversationId, long activities);

    [LoggerMessage(3104, LogLevel.Warning, "Direct Line request refused by the {Scope} rate limit")]
    public static partial void RateLimited(this ILogger logger, string scope);

    [LoggerMessage(3010, LogLevel.Warning, "Development staff accounts are enabled: {Created} created (see the README; never in Production)")]
    public static partial void DevelopmentAccountsCreated(this ILogger logger, int created);

    [LoggerMessage(3011, LogLevel.Information, "Staff member {UserName} signed in as {Role}")]
    public static partial void StaffSignedIn(this ILogger logger, string userName, string role);

    [LoggerMessage(3012, LogLevel.Warning, "Staff sign-in refused for {UserName}")]
    public static partial void StaffSignInRefused(this ILogger logger, string userName);

    [LoggerMessage(3013, LogLevel.Information, "Staff member {UserName} signed out")]
    public static partial void StaffSignedOut(this ILogger logger, string userName);

    [LoggerMessage(3105, LogLevel.Warning, "A group commit of {Appends} Direct Line appends failed; writing them one by one")]
    public static partial void BatchFailed(this ILogger logger, int appends, Exception exception);
}
