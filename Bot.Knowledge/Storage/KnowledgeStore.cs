using Bot.Knowledge.Bundles;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Departments;
using Bot.Knowledge.Items;
using Bot.Knowledge.Places;
using Bot.Knowledge.Seed;
using Microsoft.EntityFrameworkCore;

namespace Bot.Knowledge.Storage;

/// <summary>Reads and writes the knowledge base in the relational store.</summary>
internal sealed class KnowledgeStore(KnowledgeDbContext db, TimeProvider time)
{
    public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);

    public async Task<string?> LastImportedHashAsync(CancellationToken cancellationToken) =>
        await db.SeedImports.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Hash).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Replaces the stored knowledge with <paramref name="seed"/> in one transaction: readers never see half of it.
    /// The one seed-import row left records what was imported. A curator's published correction survives when the
    /// seed files did not change that item since the last import (and it still fits the new seed); when they did, the
    /// seed's version wins and the outcome says so.
    /// </summary>
    public async Task<SeedImportOutcome> ReplaceWithAsync(KnowledgeSeed seed, string hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var corrections = (await db.Items.AsNoTracking().Where(i => i.CuratedAtTicks != null).ToListAsync(cancellationToken)).ToDictionary(i => i.Id);
        var rows = seed.Items.Select(i =>
        {
            var content = KnowledgeJson.Write(i);
            return new ItemRow { Id = i.Id, DepartmentId = i.DepartmentId, Name = i.Name, Content = content, UpdatedAt = now, SeedHash = Sha256(content) };
        }).ToDictionary(r => r.Id);
        var kept = new List<string>();
        var superseded = new List<string>();
        foreach (var correction in corrections.Values.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var fromSeed = rows.GetValueOrDefault(correction.Id);
            if (fromSeed is not null && fromSeed.SeedHash != correction.SeedHash || !FitsWith(seed, KnowledgeJson.Read<ServiceItem>(correction.Content)))
            {
                superseded.Add(correction.Id);
                continue;
            }
            rows[correction.Id] = new ItemRow
            {
                Id = correction.Id, DepartmentId = correction.DepartmentId, Name = correction.Name, Content = correction.Content,
                UpdatedAt = correction.UpdatedAt, SeedHash = fromSeed?.SeedHash, CuratedAtTicks = correction.CuratedAtTicks,
            };
            kept.Add(correction.Id);
        }

        await db.SeedImports.ExecuteDeleteAsync(cancellationToken);
        await db.Bundles.ExecuteDeleteAsync(cancellationToken);
        await db.Items.ExecuteDeleteAsync(cancellationToken);
        await db.ServicePoints.ExecuteDeleteAsync(cancellationToken);
        await db.Departments.ExecuteDeleteAsync(cancellationToken);
        db.Departments.AddRange(seed.Departments.Select(d => new DepartmentRow { Id = d.Id, Name = d.Name, Content = KnowledgeJson.Write(d) }));
        db.ServicePoints.AddRange(seed.ServicePoints.Select(p => new ServicePointRow
        {
            Id = p.Id, Name = p.Name, Kind = p.Kind.ToString().ToLowerInvariant(), Content = KnowledgeJson.Write(p),
        }));
        db.Items.AddRange(rows.Values);
        db.Bundles.AddRange(seed.Bundles.Select(b => new BundleRow { Id = b.Id, Name = b.Name, Content = KnowledgeJson.Write(b), UpdatedAt = now }));
        db.SeedImports.Add(new SeedImportRow { Id = Guid.NewGuid().ToString(), Hash = hash, Items = seed.Items.Count, ImportedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await BumpRevisionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new SeedImportOutcome(kept, superseded);
    }

    /// <summary>Whether a correction still passes the seed rules against the new seed (its departments, places, bundles).</summary>
    private static bool FitsWith(KnowledgeSeed seed, ServiceItem correction)
    {
        try
        {
            SeedLoader.Validate(seed with { Items = seed.Items.Where(i => i.Id != correction.Id).Append(correction).ToList() }, $"item {correction.Id}");
            return true;
        }
        catch (SeedValidationException)
        {
            return false;
        }
    }

    private static string Sha256(string content) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)));

    /// <summary>Stores one edited (curated) item and bumps the revision, in one transaction.</summary>
    public async Task SaveItemAsync(ServiceItem item, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var content = KnowledgeJson.Write(item);
        var now = time.GetUtcNow();
        var curated = now.UtcTicks;
        var updated = await db.Items.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Content, content).SetProperty(i => i.Name, item.Name)
            .SetProperty(i => i.DepartmentId, item.DepartmentId).SetProperty(i => i.UpdatedAt, now)
            .SetProperty(i => i.CuratedAtTicks, curated), cancellationToken);
        if (updated == 0)
        {
            db.Items.Add(new ItemRow
            {
                Id = item.Id, DepartmentId = item.DepartmentId, Name = item.Name, Content = content, UpdatedAt = now, CuratedAtTicks = curated,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await BumpRevisionAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The revision of the stored knowledge; every change increases it.</summary>
    public Task<long> RevisionAsync(CancellationToken cancellationToken) =>
        db.Revisions.AsNoTracking().Where(r => r.Id == 1).Select(r => r.Revision).FirstAsync(cancellationToken);

    private Task<int> BumpRevisionAsync(CancellationToken cancellationToken) =>
        db.Revisions.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision + 1), cancellationToken);

    public async Task<KnowledgeSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Select(r => r.Content).ToListAsync(cancellationToken);
        var points = await db.ServicePoints.AsNoTracking().Select(r => r.Content).ToListAsync(cancellationToken);
        var items = await db.Items.AsNoTracking().Select(r => r.Content).ToListAsync(cancellationToken);
        var bundles = await db.Bundles.AsNoTracking().Select(r => r.Content).ToListAsync(cancellationToken);
        return new KnowledgeSnapshot(
            departments.Select(KnowledgeJson.Read<Department>),
            points.Select(KnowledgeJson.Read<ServicePoint>),
            items.Select(KnowledgeJson.Read<ServiceItem>),
            bundles.Select(KnowledgeJson.Read<Bundle>));
    }
}

/// <summary>What a seed import did with curators' published corrections.</summary>
/// <param name="KeptCorrections">Items whose correction was kept: the seed had not changed them since the last import.</param>
/// <param name="SupersededCorrections">Items whose correction gave way to the seed: the seed changed them too, or the
/// correction no longer fits the new seed.</param>
public sealed record SeedImportOutcome(IReadOnlyList<string> KeptCorrections, IReadOnlyList<string> SupersededCorrections);
