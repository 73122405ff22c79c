using System.Collections.Concurrent;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;

namespace Bot.Tests.Infrastructure;

/// <summary>The "test" channel's outbound side: keeps what the host sends into conversations outside a turn.</summary>
public sealed class CapturingSink : IActivitySink
{
    private readonly ConcurrentQueue<(string ConversationId, Activity Activity)> _sent = new();

    public string ChannelId => "test";

    public IReadOnlyList<Activity> SentTo(string conversationId) => _sent.Where(x => x.ConversationId == conversationId).Select(x => x.Activity).ToList();

    public Task SendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities) _sent.Enqueue((conversationId, activity));
        return Task.CompletedTask;
    }
}
