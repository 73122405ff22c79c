using System.Text.Json.Serialization;
using Bot.Host.Conversations.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>A conversation as Direct Line returns it when it is started, reconnected or its token refreshed.</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);

/// <summary>What posting an activity or an upload returns: the id of the stored activity.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>Activities after a watermark and the new watermark (documents the shape; the endpoint writes stored JSON).</summary>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>Optional body of token generation and conversation start.</summary>
public sealed record TokenParameters(ChannelAccount? User, IReadOnlyList<string>? TrustedOrigins);
