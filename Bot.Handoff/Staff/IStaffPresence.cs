namespace Bot.Handoff.Staff;

/// <summary>
/// Which specialists are at their consoles (在线) right now, shared by every host through the handoff database: the
/// conversation engine asks it before it promises a citizen a human. Each console connection is one entry; a member
/// of staff is online while at least one of their connections is online and its host keeps confirming it.
/// </summary>
public interface IStaffPresence
{
    /// <summary>A console connected (on this host).</summary>
    Task ConnectedAsync(string connectionId, Actor staff, bool online, CancellationToken cancellationToken);

    /// <summary>The console switched between 在线 and 离开.</summary>
    Task SetOnlineAsync(string connectionId, bool online, CancellationToken cancellationToken);

    /// <summary>The console went away.</summary>
    Task DisconnectedAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>The user names of the specialists and supervisors who can take a citizen now.</summary>
    Task<IReadOnlyList<string>> OnlineSpecialistsAsync(CancellationToken cancellationToken);
}
