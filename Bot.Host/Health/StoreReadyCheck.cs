using Bot.Knowledge.Catalog;
using Bot.Knowledge.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Health;

/// <summary>Ready when the database answers and the knowledge base has been loaded from it.</summary>
internal sealed class StoreReadyCheck(KnowledgeDbContext db, IKnowledgeCatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!catalog.IsLoaded) return HealthCheckResult.Unhealthy("knowledge base not loaded yet");
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{catalog.Current.Items.Count} items, {catalog.Current.Bundles.Count} bundles")
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
