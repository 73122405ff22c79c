namespace Bot.Host;

/// <summary>Host log events, EventIds 3000–3999. Request paths only; never message text or personal data.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(3001, LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    public static partial void UnhandledException(this ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(3002, LogLevel.Critical, "GovDoorplate could not start: {Reason}")]
    public static partial void StartupFailed(this ILogger logger, string reason);
}
