using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Host.Channels.DirectLine;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.Channels.DirectLine;

[Collection(PostgresCollection.Name)]
public sealed class DirectLineProtocolTests(PostgresCluster postgres)
{
    private async Task<(ChannelHost Host, TestDatabase Database)> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var database = await TestDatabase.CreateAsync("postgres", postgres);
        return (new ChannelHost(ChannelHost.Settings(database.HostSettings(), extra)), database);
    }

    [Fact]
    public async Task A_token_generated_from_the_secret_opens_its_own_conversation_with_a_stream_url()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());

            var (conversationId, token, streamUrl) = await rest.StartAsync();

            Assert.Matches("^[A-Za-z0-9]{22}$", conversationId);
            Assert.Equal(3, token.Split('.').Length);
            Assert.StartsWith($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t=", streamUrl);
            var reconnect = await rest.JsonAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=3", token);
            Assert.EndsWith("&watermark=3", reconnect.GetProperty("streamUrl").GetString());
            Assert.InRange(reconnect.GetProperty("expires_in").GetInt32(), 1700, 1800);
        }
    }

    [Fact]
    public async Task A_message_turn_stores_the_user_activity_and_the_reply_and_polling_reads_them_after_a_watermark()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var (conversationId, token, _) = await rest.StartAsync();

            var firstId = await rest.SayAsync(conversationId, token, "我想开个小饭馆");
            var first = await rest.ActivitiesAsync(conversationId, token);
            var secondId = await rest.SayAsync(conversationId, token, "在哪办");
            var second = await rest.ActivitiesAsync(conversationId, token, first.GetProperty("watermark").GetString()!);

            Assert.Equal($"{conversationId}|0000001", firstId);
            var activities = first.GetProperty("activities").EnumerateArray().ToList();
            Assert.Equal(2, activities.Count);
            Assert.Equal("2", first.GetProperty("watermark").GetString());
            var (user, reply) = (activities[0], activities[1]);
            Assert.Equal("我想开个小饭馆", user.GetProperty("text").GetString());
            Assert.Equal("user", user.GetProperty("from").GetProperty("role").GetString());
            Assert.Equal("directline", user.GetProperty("channelId").GetString());
            Assert.Equal(conversationId, user.GetProperty("conversation").GetProperty("id").GetString());
            Assert.Equal("你说：我想开个小饭馆", reply.GetProperty("text").GetString());
            Assert.Equal(firstId, reply.GetProperty("replyToId").GetString());
            Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
            Assert.Equal("citizen-1", reply.GetProperty("recipient").GetProperty("id").GetString());
            Assert.Equal("imBack", reply.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("type").GetString());
            Assert.False(reply.TryGetProperty("attachments", out _), "absent fields are left out, not sent as null");
            Assert.Equal([secondId, $"{conversationId}|0000004"],
                second.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
            Assert.Equal("4", second.GetProperty("watermark").GetString());
        }
    }

    [Fact]
    public async Task A_token_for_one_conversation_can_neither_read_nor_post_to_another()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var a = await rest.StartAsync();
            var b = await rest.StartAsync();
            await rest.SayAsync(b.ConversationId, b.Token, "我的身份证号是机密");

            using var read = await rest.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token);
            using var post = await rest.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token,
                new { type = "message", from = new { id = "intruder" }, text = "hi" });
            using var reconnect = await rest.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}", a.Token);
            var stream = new Uri(a.StreamUrl.Replace(a.ConversationId, b.ConversationId, StringComparison.Ordinal));
            using var streamOfB = await rest.Http.GetAsync(stream.PathAndQuery);

            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
            Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
            Assert.Contains("TokenNotValidForConversation", await read.Content.ReadAsStringAsync());
            Assert.Equal(2, (await rest.ActivitiesAsync(b.ConversationId, b.Token)).GetProperty("activities").GetArrayLength());
            Assert.NotEqual(HttpStatusCode.OK, streamOfB.StatusCode);
        }
    }

    [Fact]
    public async Task Missing_forged_and_misused_credentials_are_refused_with_problem_details()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var (conversationId, token, _) = await rest.StartAsync();
            var parts = token.Split('.');
            var forged = parts[0] + "." + parts[1].Replace(parts[1][^2..], "AA", StringComparison.Ordinal) + "." + parts[2];

            using var none = await rest.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", null);
            using var tampered = await rest.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", forged);
            using var generateWithToken = await rest.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token);
            using var refreshWithSecret = await rest.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", ChannelHost.Secret);
            var refreshed = await rest.JsonAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
            using var unknown = await rest.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope/activities", ChannelHost.Secret);

            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, generateWithToken.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, refreshWithSecret.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal(conversationId, refreshed.GetProperty("conversationId").GetString());
            await rest.SayAsync(conversationId, refreshed.GetProperty("token").GetString()!, "换了新令牌还能说话");
        }
    }

    [Fact]
    public async Task Too_long_a_message_is_refused_naming_the_text_field()
    {
        var (host, database) = await StartAsync(new() { ["DirectLine:MaxTextLength"] = "10" });
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var (conversationId, token, _) = await rest.StartAsync();

            using var response = await rest.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
                new { type = "message", from = new { id = "u" }, text = new string('长', 11) });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("text", problem.GetProperty("field").GetString());
            Assert.Equal("BadArgument", problem.GetProperty("error").GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Posting_faster_than_the_conversation_limit_is_refused_with_429_and_Retry_After()
    {
        var (host, database) = await StartAsync(new() { ["DirectLine:ActivitiesPerConversationPerMinute"] = "3" });
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var (conversationId, token, _) = await rest.StartAsync();
            for (var i = 0; i < 3; i++) await rest.SayAsync(conversationId, token, $"第{i}句");

            using var refused = await rest.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
                new { type = "message", from = new { id = "u" }, text = "第4句" });
            var other = await rest.StartAsync();
            await rest.SayAsync(other.ConversationId, other.Token, "另一个会话不受影响");

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
            Assert.Contains("\"field\":\"conversation\"", await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Starting_conversations_faster_than_the_address_limit_is_refused_with_429()
    {
        var (host, database) = await StartAsync(new() { ["DirectLine:ConversationsPerAddressPerMinute"] = "2" });
        using (database)
        await using (host)
        {
            var client = host.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/directline/token", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/directline/token", null)).StatusCode);

            using var third = await client.PostAsync("/api/directline/token", null);

            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.True(third.Headers.Contains("Retry-After"));
            Assert.Contains("\"field\":\"address\"", await third.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_page_token_is_bound_to_a_new_conversation_and_an_anonymous_user_that_the_client_cannot_change()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var page = await rest.JsonAsync(HttpMethod.Post, "/api/directline/token", null);
            var token = page.GetProperty("token").GetString()!;
            var conversationId = page.GetProperty("conversationId").GetString()!;

            var started = await rest.JsonAsync(HttpMethod.Post, "/v3/directline/conversations", token);
            await rest.SayAsync(conversationId, token, "你好", userId: "someone-else");
            var activities = await rest.ActivitiesAsync(conversationId, token);

            Assert.Equal(conversationId, started.GetProperty("conversationId").GetString());
            Assert.StartsWith("dl_", page.GetProperty("userId").GetString());
            Assert.DoesNotContain(ChannelHost.Secret, page.GetRawText());
            Assert.Equal(page.GetProperty("userId").GetString(), activities.GetProperty("activities")[0].GetProperty("from").GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task A_failing_turn_still_answers_the_citizen_with_an_apology()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var (conversationId, token, _) = await rest.StartAsync();

            var id = await rest.SayAsync(conversationId, token, "boom");
            var activities = (await rest.ActivitiesAsync(conversationId, token)).GetProperty("activities");

            Assert.Equal(DirectLineTurns.TurnFailedText, activities[1].GetProperty("text").GetString());
            Assert.Equal(id, activities[1].GetProperty("replyToId").GetString());
        }
    }

    [Fact]
    public async Task An_uploaded_file_is_sent_as_an_attachment_and_served_back()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var (conversationId, token, _) = await rest.StartAsync();
            using var form = new MultipartFormDataContent();
            var activity = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { type = "message", from = new { id = "u" }, text = "这是我的照片" }));
            activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
            var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "身份证.png");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=u") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await rest.Http.SendAsync(request);
            var activities = (await rest.ActivitiesAsync(conversationId, token)).GetProperty("activities");
            var attachment = activities[0].GetProperty("attachments")[0];
            var served = await rest.Http.GetByteArrayAsync(new Uri(attachment.GetProperty("contentUrl").GetString()!).PathAndQuery);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("这是我的照片", activities[0].GetProperty("text").GetString());
            Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
            Assert.Equal("收到 1 个文件：身份证.png", activities[1].GetProperty("text").GetString());
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], served);
        }
    }

    [Fact]
    public async Task The_activity_sink_delivers_a_proactive_message_into_the_conversation()
    {
        var (host, database) = await StartAsync();
        using (database)
        await using (host)
        {
            var rest = new DirectLineRest(host.CreateClient());
            var (conversationId, token, _) = await rest.StartAsync(user: new { id = "citizen-9" });
            var sink = host.Services.GetServices<IActivitySink>().Single(s => s.ChannelId == "directline");

            await sink.SendAsync(conversationId, [new Activity { Type = ActivityTypes.Message, Text = "帮办专员：您好，我来帮您。" }], default);
            var activity = (await rest.ActivitiesAsync(conversationId, token)).GetProperty("activities")[0];

            Assert.Equal("帮办专员：您好，我来帮您。", activity.GetProperty("text").GetString());
            Assert.Equal("citizen-9", activity.GetProperty("recipient").GetProperty("id").GetString());
            Assert.Equal($"{conversationId}|0000001", activity.GetProperty("id").GetString());
        }
    }
}
