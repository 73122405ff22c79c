using Bot.Handoff.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace Bot.Host.Consoles;

/// <summary>Pushes staff notices to the consoles of their audience (role, <c>department:{id}</c> or <c>user:{name}</c> groups).</summary>
internal sealed class StaffNotifier(IHubContext<StaffHub> hub, TimeProvider time)
{
    public Task NotifyAsync(StaffNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Audience.Count == 0) return Task.CompletedTask;
        var kind = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(notice.Kind.ToString());
        return hub.Clients.Groups(notice.Audience)
            .SendAsync(StaffHub.NoticeMethod, new ConsoleNotice(kind, notice.Subject, notice.Summary, time.GetUtcNow()), cancellationToken);
    }
}
