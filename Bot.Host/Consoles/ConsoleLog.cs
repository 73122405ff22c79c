namespace Bot.Host.Consoles;

/// <summary>Console log events (EventIds 3300–3399): user names and roles, never message text.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(3301, LogLevel.Information, "Staff console of {UserName} ({Role}) connected")]
    public static partial void ConsoleConnected(this ILogger logger, string userName, string role);

    [LoggerMessage(3302, LogLevel.Information, "Staff notices from other hosts: listening on PostgreSQL channel " + StaffNoticeBus.Channel)]
    public static partial void NoticeBusListening(this ILogger logger);

    [LoggerMessage(3303, LogLevel.Warning, "Listening for other hosts' staff notices was interrupted; retrying in 2 s")]
    public static partial void NoticeBusInterrupted(this ILogger logger, Exception exception);

    [LoggerMessage(3304, LogLevel.Warning, "A {Kind} staff notice could not be handed to the other hosts; this host's consoles have it")]
    public static partial void NoticeNotPublished(this ILogger logger, string kind, Exception exception);

    [LoggerMessage(3305, LogLevel.Warning, "A staff notice from another host could not be read")]
    public static partial void NoticeUnreadable(this ILogger logger, Exception exception);

    [LoggerMessage(3306, LogLevel.Warning, "A {Kind} staff notice from another host could not be pushed to this host's consoles")]
    public static partial void NoticeNotPushed(this ILogger logger, string kind, Exception exception);
}
