using Bot.Handoff.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace Bot.Host.Consoles;

/// <summary>
/// Pushes staff notices to the consoles of their audience (role, <c>department:{id}</c> or <c>user:{name}</c>
/// groups): this host's consoles at once, the other hosts' through <see cref="StaffNoticeBus"/>.
/// </summary>
internal sealed class StaffNotifier(IHubContext<StaffHub> hub, StaffNoticeBus bus, TimeProvider time)
{
    public async Task NotifyAsync(StaffNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Audience.Count == 0) return;
        var kind = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(notice.Kind.ToString());
        var console = new ConsoleNotice(kind, notice.Subject, notice.Summary, time.GetUtcNow());
        await PushAsync(hub, notice.Audience, console, cancellationToken);
        await bus.PublishAsync(notice.Audience, console, cancellationToken);
    }

    public static Task PushAsync(IHubContext<StaffHub> hub, IReadOnlyList<string> audience, ConsoleNotice notice, CancellationToken cancellationToken) =>
        hub.Clients.Groups(audience).SendAsync(StaffHub.NoticeMethod, notice, cancellationToken);
}
