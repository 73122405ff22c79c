using Bot.Handoff.Notifications;
using Bot.Host.Consoles;
using Bot.Host.Conversations.Activities;
using Bot.Host.Conversations.Replies;

namespace Bot.Host.Conversations;

/// <summary>
/// Posts what the handoff side has to tell a citizen (a specialist joined or wrote, the chat ended, a ticket moved)
/// into the citizen's own conversation, through the sink of its channel. Staff notices go to the consoles through
/// <see cref="StaffNotifier"/>: one <see cref="IHandoffNotifier"/> serves both sides.
/// </summary>
internal sealed class CitizenNotifier(IServiceScopeFactory scopes, StaffNotifier staff, ILogger<CitizenNotifier> logger) : IHandoffNotifier
{
    public async Task NotifyCitizenAsync(CitizenNotice notice, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sink = scope.ServiceProvider.GetServices<IActivitySink>().FirstOrDefault(s => s.ChannelId == notice.ChannelId);
        if (sink is null)
        {
            logger.NoSinkForChannel(notice.ChannelId);
            return;
        }
        var message = Reply.Message(notice.Text) with
        {
            TextFormat = "plain", // a specialist's words are shown as typed, never as markup
            From = notice.SpecialistEmployeeNumber is { } number ? new ChannelAccount($"specialist-{number}", $"人工客服 {number}", "bot") : null,
        };
        await sink.SendAsync(notice.ConversationId, [message], cancellationToken);
    }

    public Task NotifyStaffAsync(StaffNotice notice, CancellationToken cancellationToken) => staff.NotifyAsync(notice, cancellationToken);
}
