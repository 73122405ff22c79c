using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host;

[Collection(PostgresCollection.Name)]
public sealed class SearchApiTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private GovDoorplateFactory _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("postgres", postgres);
        _host = new GovDoorplateFactory(_database.HostSettings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_search_returns_the_decision_and_ranked_catalogue_ids()
    {
        var body = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("身份证丢了怎么补办") + "&top=3");

        Assert.Contains(body.GetProperty("decision").GetString(), new[] { "answer", "clarify", "none" });
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 3);
        Assert.Equal("GA-02", results[0].GetProperty("id").GetString());
        Assert.Equal("item", results[0].GetProperty("kind").GetString());
        Assert.Equal("居民身份证补领", results[0].GetProperty("name").GetString());
        Assert.False(results[0].TryGetProperty("signals", out _));
    }

    [Fact]
    public async Task An_out_of_scope_request_is_none()
    {
        var body = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("今天天气怎么样"));

        Assert.Equal("none", body.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Explain_shows_why_a_result_ranked()
    {
        var body = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/api/search?explain=true&q=" + Uri.EscapeDataString("公积金怎么取出来"));

        var signals = body.GetProperty("results")[0].GetProperty("signals");
        Assert.True(signals.TryGetProperty("lexical", out _));
        Assert.True(signals.TryGetProperty("vector", out _));
        Assert.True(signals.TryGetProperty("classifier", out _));
        Assert.NotEmpty(signals.GetProperty("matchedTerms").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%20", "q")]
    [InlineData("/api/search?q=x&top=0", "top")]
    [InlineData("/api/search?q=x&top=21", "top")]
    public async Task Bad_search_requests_are_400_problems_naming_the_field(string url, string field)
    {
        var response = await _host.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_query_over_the_size_limit_is_refused()
    {
        var response = await _host.CreateClient().GetAsync("/api/search?q=" + new string('办', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("200", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
