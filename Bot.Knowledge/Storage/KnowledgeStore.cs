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

    /// <summary>Replaces the stored knowledge with <paramref name="seed"/> in one transaction: readers never see half of it.
    /// The one seed-import row left records what was imported.</summary>
    public async Task ReplaceWithAsync(KnowledgeSeed seed, string hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        db.Items.AddRange(seed.Items.Select(i => new ItemRow
        {
            Id = i.Id, DepartmentId = i.DepartmentId, Name = i.Name, Content = KnowledgeJson.Write(i), UpdatedAt = now,
        }));
        db.Bundles.AddRange(seed.Bundles.Select(b => new BundleRow { Id = b.Id, Name = b.Name, Content = KnowledgeJson.Write(b), UpdatedAt = now }));
        db.SeedImports.Add(new SeedImportRow { Id = Guid.NewGuid().ToString(), Hash = hash, Items = seed.Items.Count, ImportedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

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
