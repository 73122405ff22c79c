using Bot.Handoff.Staff;
using Bot.Handoff.Tickets;

namespace Bot.Handoff.Handoffs;

/// <summary>
/// The live handoff protocol. The conversation engine calls <see cref="InitiateAsync"/> on 转人工 and
/// <see cref="GetActiveAsync"/> at every turn: while a handoff is active the bot does not answer, it relays the
/// citizen's message with <see cref="RelayFromCitizenAsync"/>. The specialist console calls the rest.
/// </summary>
public interface IHandoffService
{
    /// <summary>Queues the conversation for a specialist; returns the already active handoff if there is one.</summary>
    Task<LiveHandoff> InitiateAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>The queued or accepted handoff of a conversation, or null when the bot should answer.</summary>
    Task<LiveHandoff?> GetActiveAsync(string conversationId, CancellationToken cancellationToken);

    Task<LiveHandoff?> FindAsync(Guid handoffId, CancellationToken cancellationToken);

    /// <summary>The waiting citizens, longest wait first.</summary>
    Task<IReadOnlyList<QueueEntry>> QueueAsync(CancellationToken cancellationToken);

    /// <summary>A specialist takes over; the citizen hears "人工客服 工号… 为您服务".</summary>
    Task<LiveHandoff?> AcceptAsync(Guid handoffId, Actor specialist, CancellationToken cancellationToken);

    /// <summary>Relays a specialist's message into the citizen's conversation.</summary>
    Task<LiveHandoff?> SendToCitizenAsync(Guid handoffId, Actor specialist, string text, CancellationToken cancellationToken);

    /// <summary>Relays a citizen's message to the consoles while a human holds the conversation.</summary>
    Task RelayFromCitizenAsync(string conversationId, string text, CancellationToken cancellationToken);

    /// <summary>Ends the chat with a summary; the bot answers again and says so.</summary>
    Task<LiveHandoff?> CompleteAsync(Guid handoffId, Actor specialist, string summary, CancellationToken cancellationToken);

    /// <summary>Gives up a handoff (nobody online, the citizen left); the bot answers again.</summary>
    Task<LiveHandoff?> FailAsync(Guid handoffId, string reason, CancellationToken cancellationToken);

    /// <summary>The messages of the live chat so far, oldest first (the citizen's masked).</summary>
    Task<IReadOnlyList<HandoffMessage>> MessagesAsync(Guid handoffId, CancellationToken cancellationToken);

    /// <summary>The chats a specialist holds now (accepted, not ended), so a reloaded console picks them up again.</summary>
    Task<IReadOnlyList<LiveHandoff>> HeldByAsync(string specialistId, CancellationToken cancellationToken);

    /// <summary>
    /// Nobody accepted a queued citizen in time: ends the wait, opens a ticket with the request, its candidates and
    /// callback number, and tells the citizen the number and by when a specialist will respond. Null when the handoff
    /// is no longer queued (accepted or cancelled meanwhile, or another host expired it first).
    /// </summary>
    Task<Ticket?> ExpireAsync(Guid handoffId, CancellationToken cancellationToken);

    /// <summary>Opens a ticket from the handoff: its conversation, candidate items and contact carry over.</summary>
    Task<Ticket?> ConvertToTicketAsync(Guid handoffId, TicketCategory category, string description, Actor actor, CancellationToken cancellationToken);
}

/// <summary>One waiting citizen as the console's queue shows it.</summary>
public sealed record QueueEntry(LiveHandoff Handoff, TimeSpan Waiting);
