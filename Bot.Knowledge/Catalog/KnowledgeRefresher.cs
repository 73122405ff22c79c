using Bot.Knowledge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Catalog;

/// <summary>
/// Notices knowledge published through another host (the store's revision moved) and reloads, so that N hosts
/// serve the same knowledge without a restart.
/// </summary>
internal sealed class KnowledgeRefresher(
    IServiceScopeFactory scopes,
    KnowledgeReloader reloader,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<KnowledgeStore>();
                if (reloader.LoadedRevision >= 0 && await store.RevisionAsync(stoppingToken) != reloader.LoadedRevision)
                    await reloader.ReloadAsync(store, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.RefreshFailed(e);
            }
        }
    }
}
