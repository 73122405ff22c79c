using System.Text.Json;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Infrastructure;

/// <summary>A scripted citizen talking to the real turn handler of a host, one turn per call, as a channel would.</summary>
public sealed class Chat(IServiceProvider services, string? conversationId = null)
{
    public string ConversationId { get; } = conversationId ?? $"test-{Guid.NewGuid():N}";

    public Task<IReadOnlyList<Activity>> SayAsync(string text) =>
        TurnAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public Task<IReadOnlyList<Activity>> EventAsync(string name, object? value = null) =>
        TurnAsync(new Activity { Type = ActivityTypes.Event, Name = name, Value = value is null ? null : JsonSerializer.SerializeToElement(value) });

    public async Task<IReadOnlyList<Activity>> TurnAsync(Activity activity)
    {
        await using var scope = services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ITurnHandler>();
        return await handler.OnTurnAsync(activity with
        {
            Id = Guid.NewGuid().ToString(),
            ChannelId = "test",
            Conversation = new ConversationAccount(ConversationId),
            From = new ChannelAccount("citizen-1", Role: "user"),
            Recipient = new ChannelAccount("govdoorplate", Role: "bot"),
            Timestamp = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
    }
}

public static class ActivityAssertions
{
    public static string AllText(this IReadOnlyList<Activity> replies) => string.Join("\n", replies.Select(r => r.Text));

    public static IReadOnlyList<string> Buttons(this IReadOnlyList<Activity> replies) =>
        replies.LastOrDefault(r => r.SuggestedActions is not null)?.SuggestedActions!.Actions.Select(a => a.Title).ToList() ?? [];
}
