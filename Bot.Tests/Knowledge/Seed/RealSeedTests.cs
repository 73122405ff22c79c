using Bot.Knowledge.Places;
using Bot.Knowledge.Seed;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Knowledge.Seed;

/// <summary>Holds the shipped knowledge seed to the catalogue and to the depth a real doorplate publishes.</summary>
public sealed class RealSeedTests
{
    private static readonly Lazy<KnowledgeSeed> Seed = new(() => SeedLoader.Load(Path.Combine(AppContext.BaseDirectory, "knowledge-seed")));
    private static readonly Catalogue Catalogue = Catalogue.Load();

    [Fact]
    public void Every_catalogue_item_is_in_the_seed_with_its_official_name_and_department()
    {
        var items = Seed.Value.Items.ToDictionary(i => i.Id);

        foreach (var (id, (department, name)) in Catalogue.Items)
        {
            Assert.True(items.TryGetValue(id, out var item), $"{id} {name} is missing from knowledge-seed/items");
            Assert.Equal(name, item!.Name);
            Assert.Equal(department, item.DepartmentId);
        }
        Assert.Empty(items.Keys.Except(Catalogue.Items.Keys));
    }

    [Fact]
    public void Every_catalogue_bundle_is_in_the_seed_with_exactly_its_member_items()
    {
        var bundles = Seed.Value.Bundles.ToDictionary(b => b.Id);

        foreach (var (id, (name, members)) in Catalogue.Bundles)
        {
            Assert.True(bundles.TryGetValue(id, out var bundle), $"{id} {name} is missing from knowledge-seed/bundles");
            Assert.Equal(name, bundle!.Name);
            Assert.Equal(members.Order(), bundle.Steps.Select(s => s.ItemId).Order());
        }
        Assert.Empty(bundles.Keys.Except(Catalogue.Bundles.Keys));
    }

    [Fact]
    public void Departments_match_the_catalogue()
    {
        Assert.Equal(Catalogue.Departments.OrderBy(d => d.Key), Seed.Value.Departments.Select(d => KeyValuePair.Create(d.Id, d.Name)).OrderBy(d => d.Key));
    }

    [Fact]
    public void The_seed_reaches_the_depth_of_a_real_county_doorplate()
    {
        var items = Seed.Value.Items;
        var situations = items.Sum(i => i.Situations.Sum(q => q.Options.Count(o => o.Materials.Count > 0)));
        var reviewPoints = items.Sum(i => i.Materials.Sum(m => m.ReviewPoints.Count));
        var faqs = items.Sum(i => i.Faqs.Count);
        var aliases = items.Sum(i => i.Aliases.Count);

        Assert.Equal(80, items.Count);
        Assert.Equal(6, Seed.Value.Bundles.Count);
        Assert.True(situations >= 320, $"{situations} situations (options that change the material list), want ≥ 320");
        Assert.True(items.Count(i => i.Situations.Count > 0) >= 60, "want ≥ 60 items with at least one situation question");
        Assert.True(reviewPoints >= 700, $"{reviewPoints} review points, want ≥ 700");
        Assert.True(faqs >= 300, $"{faqs} FAQs, want ≥ 300");
        Assert.True(aliases >= 1600, $"{aliases} aliases, want ≥ 1600");
        Assert.All(items, i => Assert.True(i.Aliases.Count >= 20, $"{i.Id} has {i.Aliases.Count} aliases, want ≥ 20"));
    }

    [Fact]
    public void The_county_has_the_service_points_a_citizen_can_reach()
    {
        var points = Seed.Value.ServicePoints;

        Assert.Single(points, p => p.Kind == ServicePointKind.Center);
        Assert.True(points.Count(p => p.Kind == ServicePointKind.Township) >= 8);
        Assert.True(points.Count(p => p.Kind == ServicePointKind.Community) >= 16);
        Assert.True(points.Count(p => p.Kind == ServicePointKind.Kiosk) >= 6);
        Assert.All(points, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.Address), $"{p.Id} has no address");
            Assert.NotNull(p.Location);
            Assert.NotEmpty(p.Hours);
        });
    }
}
