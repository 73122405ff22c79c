using System.Net;
using System.Text.Json;
using Bot.Tests.Host.Channels;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host.Doorplates;

[Collection(PostgresCollection.Name)]
public sealed class DoorplateTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Every_item_and_service_point_has_a_qr_code_and_a_printable_plate_pointing_at_its_deep_link()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings(), new() { ["Site:PublicBaseUrl"] = "https://zw.example.gov.cn" }));
        var client = host.CreateClient();

        using var svg = await client.GetAsync("/doorplates/GA-04.svg");
        using var png = await client.GetAsync("/doorplates/county-center.png");
        var plate = await client.GetStringAsync("/doorplates/GA-04?size=A4");
        var pointPlate = await client.GetStringAsync("/doorplates/county-center");
        using var deepLink = await client.GetAsync("/d/GA-04");

        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Contains("https://zw.example.gov.cn/d/GA-04", plate);
        Assert.Contains("size: A4", plate);
        Assert.Contains("12345", plate);
        Assert.Contains("/doorplates/GA-04.svg", plate);
        Assert.Contains("办公时间", pointPlate);
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
        Assert.Contains("/app.js", await deepLink.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors 'self'", deepLink.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/d/NO-SUCH")]
    [InlineData("/doorplates/NO-SUCH.svg")]
    [InlineData("/doorplates/NO-SUCH.png")]
    [InlineData("/doorplates/NO-SUCH")]
    public async Task An_unknown_id_is_a_404_problem_naming_the_id(string path)
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()));

        using var response = await host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("id", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Embedding_sites_are_allowed_by_cors_and_frame_ancestors_only_when_configured()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings(),
            new() { ["Channels:Embed:AllowedOrigins:0"] = "https://www.example.gov.cn" }));
        var client = host.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        allowed.Headers.Add("Origin", "https://www.example.gov.cn");
        using var allowedResponse = await client.SendAsync(allowed);
        using var other = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        other.Headers.Add("Origin", "https://evil.example.com");
        using var otherResponse = await client.SendAsync(other);
        using var page = await client.GetAsync("/");

        Assert.Equal("https://www.example.gov.cn", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("frame-ancestors 'self' https://www.example.gov.cn", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("document.currentScript", await client.GetStringAsync("/embed.js"));
    }
}
