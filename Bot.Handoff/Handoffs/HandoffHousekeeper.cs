using Bot.Handoff.Diagnostics;
using Bot.Handoff.Staff;
using Bot.Handoff.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Handoff.Handoffs;

/// <summary>
/// Every third of <see cref="HandoffOptions.PresenceTimeout"/>: confirms this host's consoles in the presence table
/// (so a host that dies takes its specialists offline), forgets long-dead entries, and turns waits longer than
/// <see cref="HandoffOptions.QueueTimeout"/> into tickets. Every host runs it; a queued handoff is expired once
/// (optimistic concurrency on the handoff).
/// </summary>
internal sealed class HandoffHousekeeper(
    IServiceScopeFactory scopes,
    PresenceHost host,
    TimeProvider time,
    IOptions<HandoffOptions> options,
    ILogger<HandoffHousekeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceTimeout / 3, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.HousekeepingFailed(e);
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
        var now = time.GetUtcNow();
        var settings = options.Value;
        var nowTicks = now.UtcTicks;
        await db.Presence.Where(p => p.HostId == host.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.SeenAtTicks, nowTicks), cancellationToken);
        var deadSince = (now - settings.PresenceTimeout * 10).UtcTicks;
        await db.Presence.Where(p => p.SeenAtTicks < deadSince).ExecuteDeleteAsync(cancellationToken);

        if (settings.QueueTimeout <= TimeSpan.Zero) return;
        var handoffs = scope.ServiceProvider.GetRequiredService<IHandoffService>();
        foreach (var waiting in await handoffs.QueueAsync(cancellationToken))
            if (waiting.Waiting >= settings.QueueTimeout) await handoffs.ExpireAsync(waiting.Handoff.Id, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A clean stop takes this host's consoles offline at once rather than after the timeout.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Presence.Where(p => p.HostId == host.Id)
                .ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.HousekeepingFailed(e);
        }
    }
}
