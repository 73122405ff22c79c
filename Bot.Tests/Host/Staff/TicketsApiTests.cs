using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Tests.Infrastructure;

namespace Bot.Tests.Host.Staff;

[Collection(PostgresCollection.Name)]
public sealed class TicketsApiTests(PostgresCluster postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_ticket_goes_from_the_specialist_to_the_lead_department_to_the_citizens_rating_and_the_audit_trail_shows_every_step(string provider)
    {
        await using var host = await StaffHost.StartAsync(provider, postgres);
        var specialist = await host.SignedInAsync("specialist");
        var scjg = await host.SignedInAsync("handler-scjg");
        var ga = await host.SignedInAsync("handler-ga");
        var citizen = host.Anonymous();

        var created = await specialist.PostAsJsonAsync("/api/staff/tickets", new
        {
            category = "crossDepartment", description = "想开小饭馆，营业执照和食品经营许可一起办", itemIds = new[] { "SCJG-01" },
            contact = "13812345678", channelId = "directline", conversationId = "conv-42",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = await Json(created);
        var number = ticket.GetProperty("number").GetString()!;
        Assert.Matches(@"^GD-\d{8}-0001$", number);
        Assert.Equal("138****5678", ticket.GetProperty("maskedContact").GetString());

        await Ok(specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/accept", new { note = "已联系群众" }));
        await Ok(specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { leadDepartmentId = "SCJG", cooperatingDepartmentIds = new[] { "GA" } }));
        Assert.Equal(HttpStatusCode.Conflict, (await ga.PostAsJsonAsync($"/api/staff/tickets/{number}/start", new { })).StatusCode);
        await Ok(scjg.PostAsJsonAsync($"/api/staff/tickets/{number}/start", new { note = "已接单" }));
        await Ok(scjg.PostAsJsonAsync($"/api/staff/tickets/{number}/resolve", new { note = "营业执照已办结，食品经营许可已受理" }));
        await Ok(specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/return-visit", new { note = "群众表示基本解决" }));
        var rated = await Json(await Ok(citizen.PostAsJsonAsync($"/api/tickets/{number}/rating",
            new { conversationId = "conv-42", level = "dissatisfied", comment = "许可证还没拿到" })));
        Assert.Equal("inProgress", rated.GetProperty("status").GetString());
        await Ok(scjg.PostAsJsonAsync($"/api/staff/tickets/{number}/resolve", new { note = "食品经营许可证已发放" }));
        await Ok(specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/return-visit", new { note = "群众满意" }));
        await Ok(specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/close", new { }));

        var audit = (await Json(await Ok(specialist.GetAsync($"/api/staff/tickets/{number}/audit")))).EnumerateArray().ToList();
        Assert.Equal(["created", "accepted", "dispatched", "started", "resolved", "returnVisited", "rated", "reopened", "resolved", "returnVisited", "closed"],
            audit.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["specialist", "specialist", "specialist", "handler-scjg", "handler-scjg", "specialist", "citizen", "system", "handler-scjg", "specialist", "specialist"],
            audit.Select(e => e.GetProperty("actor").GetString()));
        Assert.All(audit, e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UnixEpoch));
        Assert.Equal("已联系群众", audit[1].GetProperty("note").GetString());
    }

    [Fact]
    public async Task Department_handlers_see_only_their_departments_tickets()
    {
        await using var host = await StaffHost.StartAsync("postgres", postgres);
        var specialist = await host.SignedInAsync("specialist");
        var scjg = await host.SignedInAsync("handler-scjg");
        var forGa = await OpenAsync(specialist);
        var forScjg = await OpenAsync(specialist);
        foreach (var (number, lead) in new[] { (forGa, "GA"), (forScjg, "SCJG") })
        {
            await Ok(specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/accept", new { }));
            await Ok(specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { leadDepartmentId = lead }));
        }

        var listed = (await Json(await Ok(scjg.GetAsync("/api/staff/tickets")))).EnumerateArray().Select(t => t.GetProperty("number").GetString()).ToList();
        var everything = (await Json(await Ok(specialist.GetAsync("/api/staff/tickets")))).GetArrayLength();

        Assert.Equal([forScjg], listed);
        Assert.Equal(2, everything);
        Assert.Equal(HttpStatusCode.NotFound, (await scjg.GetAsync($"/api/staff/tickets/{forGa}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scjg.PostAsJsonAsync($"/api/staff/tickets/{forGa}/start", new { })).StatusCode);
    }

    [Fact]
    public async Task An_illegal_move_is_a_409_problem_and_changes_nothing()
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var specialist = await host.SignedInAsync("specialist");
        var number = await OpenAsync(specialist);

        var response = await specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/close", new { });
        var ticket = await Json(await Ok(specialist.GetAsync($"/api/staff/tickets/{number}")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("无法关闭工单", (await Json(response)).GetProperty("detail").GetString());
        Assert.Equal("new", ticket.GetProperty("status").GetString());
        Assert.Equal(1, (await Json(await Ok(specialist.GetAsync($"/api/staff/tickets/{number}/audit")))).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"description":"x","itemIds":[]}""", "category")]
    [InlineData("""{"category":"help","itemIds":[]}""", "description")]
    [InlineData("""{"category":"help","description":"x","itemIds":["NOPE-99"]}""", "itemIds")]
    public async Task Creating_a_ticket_with_bad_input_is_a_400_naming_the_field(string body, string field)
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var specialist = await host.SignedInAsync("specialist");

        var response = await specialist.PostAsync("/api/staff/tickets", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await Json(response)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Statistics_count_the_tickets_of_the_period_and_refuse_a_period_out_of_range_naming_the_field()
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var specialist = await host.SignedInAsync("specialist");
        await OpenAsync(specialist);

        var week = await Json(await Ok(specialist.GetAsync("/api/staff/statistics")));
        var zero = await specialist.GetAsync("/api/staff/statistics?days=0");
        var tooLong = await specialist.GetAsync("/api/staff/statistics?days=367");
        var handler = await host.SignedInAsync("handler-scjg");

        Assert.Equal(1, week.GetProperty("ticketsOpened").GetInt32());
        Assert.Contains(week.GetProperty("ratings").EnumerateArray(), r => r.GetProperty("label").GetString() == "非常满意");
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal("days", (await Json(zero)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.GetAsync("/api/staff/statistics")).StatusCode);
    }

    [Fact]
    public async Task Dispatching_to_an_unknown_department_is_a_400_and_an_unknown_ticket_a_404()
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var specialist = await host.SignedInAsync("specialist");
        var number = await OpenAsync(specialist);

        var dispatch = await specialist.PostAsJsonAsync($"/api/staff/tickets/{number}/dispatch", new { leadDepartmentId = "XX" });
        var unknown = await specialist.GetAsync("/api/staff/tickets/GD-19990101-0001");

        Assert.Equal(HttpStatusCode.BadRequest, dispatch.StatusCode);
        Assert.Equal("leadDepartmentId", (await Json(dispatch)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Only_the_tickets_own_conversation_can_see_or_rate_it_and_the_contact_stays_masked_for_handlers()
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var specialist = await host.SignedInAsync("specialist");
        var number = await OpenAsync(specialist);
        var citizen = host.Anonymous();

        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/tickets/{number}?conversationId=someone-else")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/tickets/{number}?conversationId=conv-7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsJsonAsync($"/api/tickets/{number}/rating",
            new { conversationId = "someone-else", level = "satisfied" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync($"/api/tickets/{number}/rating",
            new { conversationId = "conv-7", level = "satisfied" })).StatusCode);
        var contact = await Json(await Ok(specialist.GetAsync($"/api/staff/tickets/{number}/contact")));
        Assert.Equal("13912345678", contact.GetProperty("contact").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignedInAsync("handler-scjg")).GetAsync($"/api/staff/tickets/{number}/contact")).StatusCode);
    }

    private static async Task<string> OpenAsync(HttpClient specialist)
    {
        var created = await specialist.PostAsJsonAsync("/api/staff/tickets", new
        {
            category = "help", description = "社保转移咨询", itemIds = Array.Empty<string>(), contact = "13912345678", channelId = "directline", conversationId = "conv-7",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Json(created)).GetProperty("number").GetString()!;
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
