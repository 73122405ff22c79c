using Bot.Host.Conversations.Activities;
using Bot.Host.Conversations.State;

namespace Bot.Host.Conversations.Engine;

/// <summary>One turn in progress: the incoming activity, the conversation's state, and the replies so far.</summary>
internal sealed class Turn(Activity activity, ConversationState state)
{
    public Activity Activity { get; } = activity;
    public ConversationState State { get; } = state;
    public string ConversationId => Activity.Conversation!.Id;
    public string ChannelId => Activity.ChannelId ?? "unknown";
    public List<Activity> Replies { get; } = [];

    /// <summary>The cleaned text of a message ("" for other activities).</summary>
    public string Text { get; init; } = "";

    public void Say(Activity reply) => Replies.Add(reply);
}
