using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Storage;

/// <summary>Applies a DbContext's migrations at start-up, before the host accepts requests.</summary>
internal sealed class StoreMigrator<TContext>(IServiceScopeFactory scopes) : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
