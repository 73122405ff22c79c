using Bot.Knowledge.Seed;
using Bot.Knowledge.Storage;
using Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Knowledge.Storage;

[Collection(PostgresCollection.Name)]
public sealed class KnowledgeStoreTests(PostgresCluster postgres) : IDisposable
{
    private readonly TestSeed _seed = new();

    public void Dispose() => _seed.Dispose();

    private static KnowledgeDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<KnowledgeDbContext>();
        database.Configure(options);
        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        return new KnowledgeDbContext(options.Options);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_migrated_schema_round_trips_the_whole_seed(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        var seed = SeedLoader.Load(_seed.Root);
        await using var db = Context(database);
        var store = new KnowledgeStore(db, TimeProvider.System);

        await store.MigrateAsync(default);
        await store.ReplaceWithAsync(seed, "hash-1", default);
        var snapshot = await store.LoadAsync(default);

        Assert.Equal(KnowledgeJson.Write(seed.Items), KnowledgeJson.Write(snapshot.Items.Values));
        Assert.Equal(KnowledgeJson.Write(seed.Bundles), KnowledgeJson.Write(snapshot.Bundles.Values));
        Assert.Equal(KnowledgeJson.Write(seed.ServicePoints.OrderBy(p => p.Id)), KnowledgeJson.Write(snapshot.ServicePoints.Values.OrderBy(p => p.Id)));
        Assert.Equal(["GA-04", "WJ-01"], snapshot.ItemsHandledAt("county-center"));
        Assert.Equal("hash-1", await store.LastImportedHashAsync(default));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_new_import_replaces_the_previous_knowledge_entirely(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = Context(database);
        var store = new KnowledgeStore(db, TimeProvider.System);
        await store.MigrateAsync(default);
        await store.ReplaceWithAsync(SeedLoader.Load(_seed.Root), "hash-1", default);

        File.Delete(Path.Combine(_seed.Root, "bundles/B-02.yaml"));
        File.Delete(Path.Combine(_seed.Root, "items/WJ-01.yaml"));
        _seed.Replace("items/GA-04.yaml", "title: 我要给孩子上户口", "title: 我要给新生儿落户");
        await store.ReplaceWithAsync(SeedLoader.Load(_seed.Root), "hash-2", default);
        var snapshot = await store.LoadAsync(default);

        Assert.Equal(["GA-04"], snapshot.Items.Keys);
        Assert.Equal("我要给新生儿落户", snapshot.Items["GA-04"].Title);
        Assert.Empty(snapshot.Bundles);
        Assert.Equal("hash-2", await store.LastImportedHashAsync(default));
        Assert.Equal(1, await db.Set<SeedImportRow>().CountAsync());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_seed_import_keeps_a_curators_correction_unless_the_seed_changed_that_item_too(string provider)
    {
        using var database = await TestDatabase.CreateAsync(provider, postgres);
        await using var db = Context(database);
        var store = new KnowledgeStore(db, TimeProvider.System);
        await store.MigrateAsync(default);
        await store.ReplaceWithAsync(SeedLoader.Load(_seed.Root), "hash-1", default);
        var ga04 = (await store.LoadAsync(default)).Items["GA-04"];
        var wj01 = (await store.LoadAsync(default)).Items["WJ-01"];
        await store.SaveItemAsync(ga04 with { Title = "新生儿上户口（管理员更正）" }, default);
        await store.SaveItemAsync(wj01 with { Title = "出生医学证明（管理员更正）" }, default);

        // The files change WJ-01 (and only it): GA-04's correction stays, WJ-01's gives way to the files.
        _seed.Replace("items/WJ-01.yaml", "name: 出生医学证明签发", "name: 出生医学证明签发办理");
        var outcome = await store.ReplaceWithAsync(SeedLoader.Load(_seed.Root), "hash-2", default);
        var snapshot = await store.LoadAsync(default);

        Assert.Equal(["GA-04"], outcome.KeptCorrections);
        Assert.Equal(["WJ-01"], outcome.SupersededCorrections);
        Assert.Equal("新生儿上户口（管理员更正）", snapshot.Items["GA-04"].Title);
        Assert.Equal("出生医学证明签发办理", snapshot.Items["WJ-01"].Name);
        Assert.NotEqual("出生医学证明（管理员更正）", snapshot.Items["WJ-01"].Title);

        // Still a correction: the next import that leaves GA-04 alone keeps it again.
        _seed.Replace("items/WJ-01.yaml", "name: 出生医学证明签发办理", "name: 出生医学证明签发");
        var again = await store.ReplaceWithAsync(SeedLoader.Load(_seed.Root), "hash-3", default);
        Assert.Equal(["GA-04"], again.KeptCorrections);
        Assert.Equal("新生儿上户口（管理员更正）", (await store.LoadAsync(default)).Items["GA-04"].Title);
    }
}
