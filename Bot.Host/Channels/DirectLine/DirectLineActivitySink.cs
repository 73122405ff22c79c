using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Delivers proactive activities (a specialist's reply, a ticket update) into a Direct Line conversation.</summary>
internal sealed class DirectLineActivitySink(IServiceScopeFactory scopes) : IActivitySink
{
    public string ChannelId => BotAccount.ChannelId;

    /// <exception cref="ConversationNotFoundException">The conversation was never started on this channel.</exception>
    public async Task SendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DirectLineStore>();
        var turns = scope.ServiceProvider.GetRequiredService<DirectLineTurns>();
        var conversation = await store.FindConversationAsync(conversationId, cancellationToken)
            ?? throw new ConversationNotFoundException(conversationId);
        var user = conversation.UserId is null ? null : new ChannelAccount(conversation.UserId, Role: "user");
        var stamped = activities.Select(a => turns.StampReply(a, conversationId, user, replyToId: null, locale: null)).ToList();
        await store.AppendAsync(conversationId, stamped, cancellationToken);
    }
}
