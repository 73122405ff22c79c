using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// One Direct Line turn, kept thin on purpose: stamp the user's activity, let the turn handler answer once, append the
/// user's activity and the replies (each append wakes the streams). When the handler answers within
/// <see cref="DirectLineOptions.TurnCoalesceMilliseconds"/>, the user's activity and the replies are one append, one
/// commit; a slower handler's turn appends the user's activity first, so the citizen sees it while the bot works
/// (docs/decisions/0008). Turn failures are handled here and nowhere else. It appends through the transcript writer
/// directly, so a turn opens no DbContext of its own.
/// </summary>
internal sealed class DirectLineTurns(TranscriptWriter transcript, KnownConversations known, IServiceScopeFactory scopes, TimeProvider time,
    IOptions<DirectLineOptions> options, ILogger<DirectLineTurns> logger)
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
        // The handler runs before the user's activity is stored, so it must not run for a conversation that does not exist.
        if (!known.Contains(conversationId)) await EnsureExistsAsync(conversationId, cancellationToken);

        var turn = AnswerAsync(incoming, bot, cancellationToken);
        if (!turn.IsCompleted && options.Value.TurnCoalesceMilliseconds > 0)
            await Task.WhenAny(turn, Task.Delay(TimeSpan.FromMilliseconds(options.Value.TurnCoalesceMilliseconds), time, cancellationToken));
        if (turn.IsCompleted)
        {
            var replies = (await turn).Select(reply => StampReply(reply, conversationId, user, replyToId: null, incoming.Locale)).ToList();
            return (await transcript.AppendTurnAsync(conversationId, incoming, replies, cancellationToken))[0].Id!;
        }

        var stored = (await transcript.AppendAsync(conversationId, [incoming], cancellationToken))[0];
        var late = await turn;
        if (late.Count > 0)
        {
            var stamped = late.Select(reply => StampReply(reply, conversationId, user, stored.Id, stored.Locale)).ToList();
            await transcript.AppendAsync(conversationId, stamped, cancellationToken);
        }
        return stored.Id!;
    }

    private async Task<IReadOnlyList<Activity>> AnswerAsync(Activity incoming, ITurnHandler bot, CancellationToken cancellationToken)
    {
        try
        {
            return await bot.OnTurnAsync(incoming, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.TurnFailed(incoming.Conversation!.Id, incoming.Type, e);
            return [new Activity { Type = ActivityTypes.Message, Text = TurnFailedText, Locale = "zh-CN" }];
        }
    }

    private async Task EnsureExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<DirectLineStore>().ExistsAsync(conversationId, cancellationToken))
            throw new ConversationNotFoundException(conversationId);
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
