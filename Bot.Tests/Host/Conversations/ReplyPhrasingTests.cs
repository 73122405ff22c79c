using Bot.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.Conversations;

/// <summary>The optional phrasing seam: a chat model may reword tone, never facts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplyPhrasingTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Without_a_chat_model_replies_are_sent_as_written()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new GovDoorplateFactory(database.HostSettings());

        var replies = await new Chat(host.Services).SayAsync("身份证丢了怎么办");

        Assert.StartsWith("您要办的是", replies[0].Text);
    }

    [Fact]
    public async Task A_chat_model_may_reword_but_a_rewording_that_loses_a_fact_is_discarded()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var model = new FakeChat(text => "亲，" + text);
        await using var host = new GovDoorplateFactory(database.HostSettings(), services: s => s.AddSingleton<IChatClient>(model));
        var chat = new Chat(host.Services);

        var friendly = await chat.SayAsync("身份证丢了怎么办");
        Assert.StartsWith("亲，您要办的是", friendly[0].Text);
        Assert.Equal(["材料清单", "在哪办", "网上办", "常见问题"], friendly.Buttons());

        model.Rewrite = text => text.Replace("20", "十", StringComparison.Ordinal);
        var fee = await chat.SayAsync("收费吗");
        Assert.Contains("20", fee.AllText());
    }

    private sealed class FakeChat(Func<string, string> rewrite) : IChatClient
    {
        public Func<string, string> Rewrite { get; set; } = rewrite;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Rewrite(messages.Last().Text))));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
