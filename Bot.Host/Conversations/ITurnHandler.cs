using Bot.Host.Conversations.Activities;

namespace Bot.Host.Conversations;

/// <summary>
/// Handles one turn of a conversation, whatever the channel: loads the conversation's state, answers,
/// saves the state once. Channel adapters convert their message into one <see cref="Activity"/> and
/// deliver the replies.
/// </summary>
public interface ITurnHandler
{
    /// <param name="activity">The user's activity; <see cref="Activity.Conversation"/> and <see cref="Activity.ChannelId"/> are set.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The bot's replies, in order (possibly none, e.g. while a human specialist holds the conversation).</returns>
    Task<IReadOnlyList<Activity>> OnTurnAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers activities the bot sends outside a turn (a specialist's reply, a ticket status change) into a
/// conversation of one channel. Each channel registers one.
/// </summary>
public interface IActivitySink
{
    string ChannelId { get; }

    Task SendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
