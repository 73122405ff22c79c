using System.Net;
using System.Net.Http.Json;
using Bot.Handoff.Staff;
using Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.Staff;

/// <summary>Every staff endpoint, enumerated from the host's endpoint data source (not a hand-picked sample).</summary>
[Collection(PostgresCollection.Name)]
public sealed class StaffAuthorizationTests(PostgresCluster postgres)
{
    private static readonly Dictionary<StaffRole, string> AccountOf = new()
    {
        [StaffRole.Specialist] = "specialist",
        [StaffRole.DepartmentHandler] = "handler-scjg",
        [StaffRole.Supervisor] = "supervisor",
        [StaffRole.Curator] = "curator",
        [StaffRole.Admin] = "admin",
    };

    [Fact]
    public async Task Every_staff_endpoint_refuses_anonymous_callers_with_401_and_roles_it_does_not_name_with_403()
    {
        await using var host = await StaffHost.StartAsync("postgres", postgres);
        // Signing out ends the session the other calls need, so it goes last.
        var endpoints = StaffEndpoints(host).OrderBy(e => e.Pattern == "/api/staff/logout").ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} staff endpoints found");
        var anonymous = host.Anonymous();
        var clients = new Dictionary<StaffRole, HttpClient>();
        foreach (var (role, account) in AccountOf) clients[role] = await host.SignedInAsync(account);

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var anonymousStatus = await SendAsync(anonymous, endpoint);
            if (anonymousStatus != HttpStatusCode.Unauthorized) failures.Add($"{endpoint} anonymous: {(int)anonymousStatus}, expected 401");
            foreach (var (role, client) in clients)
            {
                var status = await SendAsync(client, endpoint);
                var allowed = endpoint.Roles.Contains(role.ToString());
                if (!allowed && status != HttpStatusCode.Forbidden) failures.Add($"{endpoint} as {role}: {(int)status}, expected 403");
                if (allowed && status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) failures.Add($"{endpoint} as {role}: {(int)status}, expected access");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_staff_endpoint_except_sign_in_requires_named_roles_and_the_curator_reaches_no_ticket()
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var endpoints = StaffEndpoints(host);

        Assert.All(endpoints, e => Assert.NotEmpty(e.Roles));
        Assert.All(endpoints.Where(e => e.Pattern.StartsWith("/api/staff/tickets", StringComparison.Ordinal) || e.Pattern.StartsWith("/api/staff/handoffs", StringComparison.Ordinal)),
            e => Assert.DoesNotContain(nameof(StaffRole.Curator), e.Roles));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_401_and_sets_no_cookie()
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var client = host.Anonymous();

        var login = await client.PostAsJsonAsync("/api/staff/login", new { userName = "specialist", password = "wrong" });
        var me = await client.GetAsync("/api/staff/me");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var host = await StaffHost.StartAsync("sqlite", postgres);
        var client = await host.SignedInAsync("supervisor");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/staff/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/me")).StatusCode);
    }

    private sealed record StaffEndpoint(string Method, string Pattern, string[] Roles)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private static List<StaffEndpoint> StaffEndpoints(StaffHost host)
    {
        var sources = host.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/staff", StringComparison.Ordinal) && e.RoutePattern.RawText != "/api/staff/login")
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(method => new StaffEndpoint(method,
                e.RoutePattern.RawText!,
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).ToArray())))
            .ToList();
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, StaffEndpoint endpoint)
    {
        var path = endpoint.Pattern
            .Replace("{number}", "GD-20000101-0001", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method != "GET") request.Content = JsonContent.Create(new { });
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
