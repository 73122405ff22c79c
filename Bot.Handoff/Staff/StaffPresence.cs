using Bot.Handoff.Notifications;
using Bot.Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bot.Handoff.Staff;

internal sealed class StaffPresence(HandoffDbContext db, PresenceHost host, TimeProvider time, IOptions<HandoffOptions> options) : IStaffPresence
{
    public async Task ConnectedAsync(string connectionId, Actor staff, bool online, CancellationToken cancellationToken)
    {
        db.Presence.Add(new PresenceRow
        {
            ConnectionId = connectionId,
            UserName = staff.Id,
            Role = staff.Role?.ToString() ?? "",
            Online = online,
            HostId = host.Id,
            SeenAtTicks = time.GetUtcNow().UtcTicks,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task SetOnlineAsync(string connectionId, bool online, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        return db.Presence.Where(p => p.ConnectionId == connectionId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Online, online).SetProperty(x => x.SeenAtTicks, now), cancellationToken);
    }

    public Task DisconnectedAsync(string connectionId, CancellationToken cancellationToken) =>
        db.Presence.Where(p => p.ConnectionId == connectionId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> OnlineSpecialistsAsync(CancellationToken cancellationToken)
    {
        var freshSince = (time.GetUtcNow() - options.Value.PresenceTimeout).UtcTicks;
        return await db.Presence.AsNoTracking()
            .Where(p => p.Online && p.SeenAtTicks >= freshSince && StaffNotice.Desk.Contains(p.Role))
            .Select(p => p.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
    }
}

/// <summary>This process's id in the presence table: its consoles are the rows it keeps confirming.</summary>
internal sealed class PresenceHost
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
