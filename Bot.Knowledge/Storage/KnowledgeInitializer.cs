using Bot.Knowledge.Catalog;
using Bot.Knowledge.Seed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Knowledge.Storage;

/// <summary>
/// At start-up: validates the seed (refusing to start on any problem), migrates the store,
/// imports the seed when it changed, indexes it for retrieval and publishes the snapshot that requests read.
/// </summary>
internal sealed class KnowledgeInitializer(
    IServiceScopeFactory scopes,
    KnowledgeReloader reloader,
    IOptions<KnowledgeOptions> options,
    ILogger<KnowledgeInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.ResolvedSeedPath;
        KnowledgeSeed seed;
        try
        {
            seed = SeedLoader.Load(directory);
        }
        catch (SeedValidationException e)
        {
            logger.SeedInvalid(Environment.NewLine + string.Join(Environment.NewLine, e.Problems));
            throw;
        }
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<KnowledgeStore>();
        await store.MigrateAsync(cancellationToken);
        var hash = SeedFingerprint.Compute(directory);
        if (options.Value.ImportSeedOnStart && await store.LastImportedHashAsync(cancellationToken) != hash)
        {
            var outcome = await store.ReplaceWithAsync(seed, hash, cancellationToken);
            logger.SeedImported(seed.Items.Count, seed.Bundles.Count, seed.ServicePoints.Count, hash[..12]);
            if (outcome.KeptCorrections.Count > 0) logger.CorrectionsKept(string.Join(", ", outcome.KeptCorrections));
            if (outcome.SupersededCorrections.Count > 0) logger.CorrectionsSuperseded(string.Join(", ", outcome.SupersededCorrections));
        }
        else
        {
            logger.SeedUnchanged(hash[..12]);
        }
        await reloader.ReloadAsync(store, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
