namespace Bot.Handoff.Notifications;

/// <summary>Something the citizen should hear in their own conversation, outside a turn of theirs.</summary>
/// <param name="ChannelId">The channel of the conversation.</param>
/// <param name="ConversationId">The conversation to post into.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Text">The message, in Chinese, ready to show.</param>
/// <param name="TicketNumber">The ticket it concerns, if any.</param>
/// <param name="SpecialistEmployeeNumber">The 工号 of the specialist who speaks, if one does.</param>
public sealed record CitizenNotice(
    string ChannelId,
    string ConversationId,
    CitizenNoticeKind Kind,
    string Text,
    string? TicketNumber = null,
    string? SpecialistEmployeeNumber = null);

public enum CitizenNoticeKind
{
    /// <summary>A specialist took over ("人工客服 工号… 为您服务"); the bot stays silent from now on.</summary>
    SpecialistJoined,

    /// <summary>A specialist's chat message, relayed as it is.</summary>
    SpecialistMessage,

    /// <summary>The specialist ended the chat; the bot answers again.</summary>
    HandoffEnded,

    /// <summary>A ticket was opened for the citizen, with its number and promised time.</summary>
    TicketOpened,

    /// <summary>The ticket moved (dispatched, resolved…), or asks for a rating.</summary>
    TicketProgress,
}
