namespace Bot.Host.Consoles;

/// <summary>Console log events (EventIds 3300–3399): user names and roles, never message text.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(3301, LogLevel.Information, "Staff console of {UserName} ({Role}) connected")]
    public static partial void ConsoleConnected(this ILogger logger, string userName, string role);
}
