using Bot.Handoff.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Handoff.Storage;

/// <summary>Migrates the handoff store (including Quartz's tables) before the deadline scheduler starts on it.</summary>
internal sealed class HandoffInitializer(IServiceScopeFactory scopes, ILogger<HandoffInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HandoffDbContext>().Database.MigrateAsync(cancellationToken);
        logger.StoreMigrated();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
