using Bot.Host.Conversations.Activities;
using Bot.Host.Conversations.Replies;
using Bot.Host.Conversations.State;

namespace Bot.Host.Conversations.Engine;

/// <summary>
/// The turn pipeline: load the state, let the dialog answer, save the state once. A turn that loses a race
/// with another host for the same conversation is run again on the fresh state; a turn that fails gets a
/// friendly apology instead of an error, and the state is left as it was.
/// </summary>
internal sealed class ConversationTurnHandler(ConversationStore store, Dialog dialog, ReplyPhrasing phrasing, ILogger<ConversationTurnHandler> logger)
    : ITurnHandler
{
    private const int Attempts = 3;

    public async Task<IReadOnlyList<Activity>> OnTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.", nameof(activity));
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (state, version) = await store.LoadAsync(conversationId, cancellationToken);
                var turn = new Turn(activity, state) { Text = activity.Type == ActivityTypes.Message ? CitizenText.Clean(activity.Text) : "" };
                await dialog.RespondAsync(turn, cancellationToken);
                if (await store.TrySaveAsync(conversationId, turn.ChannelId, state, version, cancellationToken) || attempt == Attempts)
                    return await phrasing.PhraseAsync(turn.Replies, cancellationToken);
                logger.TurnConflict(conversationId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.TurnFailed(conversationId, e);
            return [Reply.Message("抱歉，系统刚才开了个小差，请再说一次。如果一直不行，可以说“转人工”或拨打12345。")];
        }
    }
}
