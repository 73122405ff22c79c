using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Tests.Host.Channels.DirectLine;

/// <summary>Bare Direct Line REST calls for tests that look at status codes and raw JSON (the conformance tests use Microsoft's client).</summary>
public sealed class DirectLineRest(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (credential is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (body is not null) request.Content = JsonContent.Create(body);
        return Http.SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string? credential, object? body = null)
    {
        using var response = await SendAsync(method, path, credential, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Generates a token from the secret and starts its conversation; returns (conversationId, token, streamUrl).</summary>
    public async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(object? user = null)
    {
        var generated = await JsonAsync(HttpMethod.Post, "/v3/directline/tokens/generate", ChannelHost.Secret, user is null ? null : new { user });
        var token = generated.GetProperty("token").GetString()!;
        var started = await JsonAsync(HttpMethod.Post, "/v3/directline/conversations", token);
        Assert.Equal(generated.GetProperty("conversationId").GetString(), started.GetProperty("conversationId").GetString());
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!, started.GetProperty("streamUrl").GetString()!);
    }

    public async Task<string> SayAsync(string conversationId, string token, string text, string userId = "citizen-1")
    {
        var posted = await JsonAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
            new { type = "message", from = new { id = userId }, text, locale = "zh-CN" });
        return posted.GetProperty("id").GetString()!;
    }

    public Task<JsonElement> ActivitiesAsync(string conversationId, string token, string watermark = "") =>
        JsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
}
