namespace Bot.Handoff.Notifications;

/// <summary>
/// The seam to the outside world, implemented by the host: post into the citizen's channel (through the
/// channel's activity sink) and push to the staff consoles (SignalR). Bot.Handoff calls it after a change is
/// saved; a failure here is logged and never undoes the change.
/// </summary>
public interface IHandoffNotifier
{
    Task NotifyCitizenAsync(CitizenNotice notice, CancellationToken cancellationToken);

    Task NotifyStaffAsync(StaffNotice notice, CancellationToken cancellationToken);
}

/// <summary>The default until the host registers its own: tells nobody.</summary>
internal sealed class SilentHandoffNotifier : IHandoffNotifier
{
    public Task NotifyCitizenAsync(CitizenNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task NotifyStaffAsync(StaffNotice notice, CancellationToken cancellationToken) => Task.CompletedTask;
}
