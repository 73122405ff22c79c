using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Curation;
using Bot.Knowledge.Items;
using Bot.Tests.Host.Staff;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.Curation;

/// <summary>What curators see (missed queries, error reports) and publishing a corrected item without a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CurationTests(PostgresCluster postgres)
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public async Task A_none_and_an_unanswered_clarify_wait_for_the_curator_masked_and_a_picked_candidate_resolves_its_clarify()
    {
        await using var host = await StaffHost.StartAsync("postgres", postgres);
        var chat = new Chat(host.Factory.Services);
        await chat.SayAsync("我电话13812345678，帮我查下明天天气");
        var clarify = await chat.SayAsync("孩子刚出生");
        var curator = await host.SignedInAsync("curator");

        var missed = await curator.GetFromJsonAsync<MissedQuery[]>("/api/staff/curation/missed-queries", Api);

        var none = Assert.Single(missed!, m => m.Decision == "none");
        Assert.Contains("138****5678", none.Query);
        Assert.Equal("test", none.Channel);
        if (clarify.Buttons().Count > 1 && missed!.Any(m => m.Decision == "clarify"))
        {
            await chat.SayAsync(clarify.Buttons()[0]);
            var after = await curator.GetFromJsonAsync<MissedQuery[]>("/api/staff/curation/missed-queries", Api);
            Assert.DoesNotContain(after!, m => m.Decision == "clarify");
        }
    }

    [Fact]
    public async Task A_published_correction_is_served_and_found_at_once_and_another_host_picks_it_up()
    {
        await using var host = await StaffHost.StartAsync("postgres", postgres);
        var curator = await host.SignedInAsync("curator");
        var item = host.Factory.Services.GetRequiredService<IKnowledgeCatalog>().Current.Items["GA-02"];
        var corrected = item with { Title = "我要补办身份证（丢了、被偷了）", Aliases = [.. item.Aliases, "身份证叫羊给啃了"] };

        var response = await curator.PutAsJsonAsync("/api/staff/curation/items/GA-02", corrected, Api);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var served = await host.Anonymous().GetFromJsonAsync<JsonElement>("/api/items/GA-02");
        Assert.Equal("我要补办身份证（丢了、被偷了）", served.GetProperty("title").GetString());
        var found = await host.Anonymous().GetFromJsonAsync<JsonElement>("/api/search?explain=true&q=" + Uri.EscapeDataString("身份证叫羊给啃了"));
        Assert.Equal("GA-02", found.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal("身份证叫羊给啃了", found.GetProperty("results")[0].GetProperty("signals").GetProperty("nearestExample").GetString());
    }

    [Fact]
    public async Task A_correction_that_breaks_a_rule_is_refused_naming_the_problem_and_changes_nothing()
    {
        await using var host = await StaffHost.StartAsync("postgres", postgres);
        var curator = await host.SignedInAsync("curator");
        var item = host.Factory.Services.GetRequiredService<IKnowledgeCatalog>().Current.Items["GA-02"];
        var question = item.Situations[0];
        var broken = item with
        {
            Title = "不应发布",
            Situations = [question with { Options = [question.Options[0] with { Materials = ["no-such-material"] }, .. question.Options.Skip(1)] }, .. item.Situations.Skip(1)],
        };

        var response = await curator.PutAsJsonAsync("/api/staff/curation/items/GA-02", broken, Api);
        var wrongId = await curator.PutAsJsonAsync("/api/staff/curation/items/GA-01", item, Api);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-material", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, wrongId.StatusCode);
        var served = await host.Anonymous().GetFromJsonAsync<JsonElement>("/api/items/GA-02");
        Assert.Equal(item.Title, served.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_second_host_on_the_same_database_reloads_a_correction_without_a_restart()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var settings = database.HostSettings();
        settings["Knowledge:RefreshSeconds"] = "1";
        await using var first = new GovDoorplateFactory(settings);
        await using var second = new GovDoorplateFactory(settings);
        _ = second.Services;
        var item = first.Services.GetRequiredService<IKnowledgeCatalog>().Current.Items["GJJ-01"];

        await using (var scope = first.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<KnowledgePublisher>().PublishAsync(item with { Title = "我要取公积金（已更正）" });

        var catalog = second.Services.GetRequiredService<IKnowledgeCatalog>();
        for (var i = 0; i < 100 && catalog.Current.Items["GJJ-01"].Title != "我要取公积金（已更正）"; i++) await Task.Delay(100);
        Assert.Equal("我要取公积金（已更正）", catalog.Current.Items["GJJ-01"].Title);
    }
}
