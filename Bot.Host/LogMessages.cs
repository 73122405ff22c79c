namespace Bot.Host;

/// <summary>Host log events, EventIds 3000–3999. Request paths only; never message text or personal data.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(3001, LogLevel.Error, "Unhandled exception for {Method} {Path}")]
    public static partial void UnhandledException(this ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(3002, LogLevel.Critical, "GovDoorplate could not start: {Reason}")]
    public static partial void StartupFailed(this ILogger logger, string reason);

    [LoggerMessage(3010, LogLevel.Warning, "Development staff accounts are enabled: {Created} created (see the README; never in Production)")]
    public static partial void DevelopmentAccountsCreated(this ILogger logger, int created);

    [LoggerMessage(3011, LogLevel.Information, "Staff member {UserName} signed in as {Role}")]
    public static partial void StaffSignedIn(this ILogger logger, string userName, string role);

    [LoggerMessage(3012, LogLevel.Warning, "Staff sign-in refused for {UserName}")]
    public static partial void StaffSignInRefused(this ILogger logger, string userName);

    [LoggerMessage(3013, LogLevel.Information, "Staff member {UserName} signed out")]
    public static partial void StaffSignedOut(this ILogger logger, string userName);
}
