using Bot.Handoff.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Bot.Handoff.Notifications;

/// <summary>Calls the host's notifier after a change is saved, logging instead of failing when it cannot.</summary>
internal sealed class NotificationRelay(IHandoffNotifier notifier, ILogger<NotificationRelay> logger)
{
    public async Task CitizenAsync(CitizenNotice notice, CancellationToken cancellationToken)
    {
        try { await notifier.NotifyCitizenAsync(notice, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException) { logger.NotificationFailed("citizen", notice.Kind.ToString(), e); }
    }

    public async Task StaffAsync(StaffNotice notice, CancellationToken cancellationToken)
    {
        try { await notifier.NotifyStaffAsync(notice, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException) { logger.NotificationFailed("staff", notice.Kind.ToString(), e); }
    }
}
