using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Host.Conversations.Activities;

/// <summary>
/// A Bot Framework activity (the subset GovDoorplate uses of the published Activity schema): what every
/// channel adapter converts its messages into and what the turn handler answers with.
/// </summary>
public sealed record Activity
{
    /// <summary>message | typing | event | conversationUpdate | endOfConversation.</summary>
    public required string Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? ChannelId { get; init; }
    public string? ServiceUrl { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? Locale { get; init; }
    public string? Text { get; init; }
    public string? InputHint { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? AttachmentLayout { get; init; }
    /// <summary>The name of an event activity (e.g. <c>webchat/join</c>, <c>doorplate/open</c>).</summary>
    public string? Name { get; init; }
    public JsonElement? Value { get; init; }
    public string? ReplyToId { get; init; }
    public JsonElement? ChannelData { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }

    /// <summary>Properties of the schema this record does not model, kept so that nothing a client sent is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Who sent or receives an activity. Role is <c>user</c> or <c>bot</c>.</summary>
public sealed record ChannelAccount(string Id, string? Name = null, string? Role = null);

/// <summary>The conversation an activity belongs to.</summary>
public sealed record ConversationAccount(string Id, string? Name = null, bool? IsGroup = null);

/// <summary>Buttons offered with a message; they disappear once the user answers.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, IReadOnlyList<string>? To = null);

/// <summary>A clickable action: <c>imBack</c> (posts its value as the user's text), <c>postBack</c>, <c>messageBack</c> or <c>openUrl</c>.</summary>
public sealed record CardAction(string Type, string Title, JsonElement? Value = null, string? Text = null, string? DisplayText = null, string? Image = null);

/// <summary>Rich content such as an Adaptive Card (<c>application/vnd.microsoft.card.adaptive</c>) or a hero card.</summary>
public sealed record Attachment(string ContentType, JsonElement? Content = null, string? ContentUrl = null, string? Name = null, string? ThumbnailUrl = null);

/// <summary>Activity type names of the schema.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string ConversationUpdate = "conversationUpdate";
    public const string EndOfConversation = "endOfConversation";
}
