using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// One Direct Line turn, kept thin on purpose: stamp the user's activity, append it, let the turn handler answer once,
/// append the replies (each append wakes the streams). Turn failures are handled here and nowhere else. It appends
/// through the transcript writer directly, so a turn opens no DbContext of its own.
/// </summary>
internal sealed class DirectLineTurns(TranscriptWriter transcript, TimeProvider time, ILogger<DirectLineTurns> logger)
{
    /// <summary>Apology sent when the turn handler fails; the citizen always gets an answer and a way out.</summary>
    public const string TurnFailedText = "抱歉，系统暂时出了点问题，请稍后再试，或拨打政务服务热线 12345。";

    /// <returns>The id of the user's stored activity.</returns>
    /// <exception cref="ConversationNotFoundException">The conversation was never started.</exception>
    public async Task<string> RunAsync(string conversationId, Activity posted, ChannelAccount user, ITurnHandler bot, CancellationToken cancellationToken)
    {
        var incoming = posted with
        {
            Id = null,
            Timestamp = time.GetUtcNow(),
            ChannelId = BotAccount.ChannelId,
            From = user,
            Recipient = BotAccount.Bot,
            Conversation = new ConversationAccount(conversationId),
        };
        var stored = (await transcript.AppendAsync(conversationId, [incoming], cancellationToken))[0];

        IReadOnlyList<Activity> replies;
        try
        {
            replies = await bot.OnTurnAsync(stored, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TurnFailed(conversationId, stored.Type, e);
            replies = [new Activity { Type = ActivityTypes.Message, Text = TurnFailedText, Locale = "zh-CN" }];
        }
        if (replies.Count > 0)
        {
            var stamped = replies.Select(reply => StampReply(reply, conversationId, user, stored.Id, stored.Locale)).ToList();
            await transcript.AppendAsync(conversationId, stamped, cancellationToken);
        }
        return stored.Id!;
    }

    /// <summary>Fills what the channel owns on a bot activity; the handler's own from/locale win when it set them.</summary>
    public Activity StampReply(Activity reply, string conversationId, ChannelAccount? user, string? replyToId, string? locale) => reply with
    {
        Id = null,
        Timestamp = time.GetUtcNow(),
        ChannelId = BotAccount.ChannelId,
        From = reply.From ?? BotAccount.Bot,
        Recipient = reply.Recipient ?? user,
        Conversation = new ConversationAccount(conversationId),
        ReplyToId = reply.ReplyToId ?? replyToId,
        Locale = reply.Locale ?? locale,
    };
}
