using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host;

[Collection(PostgresCollection.Name)]
public sealed class ItemsApiTests(PostgresCluster postgres)
{
    private async Task<(GovDoorplateFactory Factory, TestDatabase Database)> StartAsync(string provider = "postgres")
    {
        var database = await TestDatabase.CreateAsync(provider, postgres);
        return (new GovDoorplateFactory(database.HostSettings()), database);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task A_fresh_store_is_seeded_and_ready_with_every_catalogue_id(string provider)
    {
        var (factory, database) = await StartAsync(provider);
        using (database)
        await using (factory)
        {
            var client = factory.CreateClient();

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
            var items = await client.GetFromJsonAsync<JsonElement[]>("/api/items");
            var ids = items!.Select(i => i.GetProperty("id").GetString()).ToHashSet();
            Assert.Equal(Catalogue.Load().AllIds.Order(), ids.Order());
        }
    }

    [Fact]
    public async Task An_item_shows_its_full_guide()
    {
        var (factory, database) = await StartAsync();
        using (database)
        await using (factory)
        {
            var item = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/items/GA-04");

            Assert.Equal("出生登记", item.GetProperty("name").GetString());
            Assert.Equal("公安局", item.GetProperty("department").GetProperty("name").GetString());
            Assert.NotEmpty(item.GetProperty("situations").EnumerateArray());
            Assert.All(item.GetProperty("materials").EnumerateArray(), m => Assert.NotEmpty(m.GetProperty("reviewPoints").EnumerateArray()));
            Assert.NotEmpty(item.GetProperty("faqs").EnumerateArray());
            Assert.NotEmpty(item.GetProperty("aliases").EnumerateArray());
            Assert.NotEmpty(item.GetProperty("onlineChannels").EnumerateArray());
            var place = item.GetProperty("servicePoints").EnumerateArray().First();
            Assert.NotEmpty(place.GetProperty("windows").EnumerateArray());
            Assert.StartsWith("https://", place.GetProperty("navigationUrl").GetString());
        }
    }

    [Fact]
    public async Task A_bundle_lists_its_steps_in_order()
    {
        var (factory, database) = await StartAsync();
        using (database)
        await using (factory)
        {
            var bundle = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/items/B-02");

            Assert.Equal("bundle", bundle.GetProperty("kind").GetString());
            var steps = bundle.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal([1, 2, 3, 4], steps.Select(s => s.GetProperty("order").GetInt32()));
            Assert.Equal(Catalogue.Load().Bundles["B-02"].Items.Order(), steps.Select(s => s.GetProperty("itemId").GetString()!).Order());
            Assert.NotEmpty(bundle.GetProperty("sharedMaterials").EnumerateArray());
        }
    }

    [Fact]
    public async Task An_unknown_item_is_a_404_problem_naming_the_id()
    {
        var (factory, database) = await StartAsync();
        using (database)
        await using (factory)
        {
            var response = await factory.CreateClient().GetAsync("/api/items/GA-99");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("id", problem.GetProperty("field").GetString());
            Assert.Contains("GA-99", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_department_filter_is_a_400_problem_naming_the_field()
    {
        var (factory, database) = await StartAsync();
        using (database)
        await using (factory)
        {
            var client = factory.CreateClient();
            var response = await client.GetAsync("/api/items?department=NOPE");
            var filtered = await client.GetFromJsonAsync<JsonElement[]>("/api/items?department=GJJ");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("department", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
            Assert.Equal(["GJJ-01", "GJJ-02", "GJJ-03"], filtered!.Select(i => i.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public async Task A_service_point_lists_the_items_it_handles()
    {
        var (factory, database) = await StartAsync();
        using (database)
        await using (factory)
        {
            var point = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/service-points/county-center");

            Assert.Equal("示例县政务服务中心", point.GetProperty("point").GetProperty("name").GetString());
            Assert.True(point.GetProperty("items").GetArrayLength() >= 60);
            Assert.NotEmpty(point.GetProperty("point").GetProperty("hours").EnumerateArray());
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_JSON_endpoint()
    {
        var (factory, database) = await StartAsync();
        using (database)
        await using (factory)
        {
            var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

            Assert.Contains("/api/items", paths);
            Assert.Contains("/api/items/{id}", paths);
            Assert.Contains("/api/service-points/{id}", paths);
        }
    }
}
