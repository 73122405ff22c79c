namespace Bot.Host.Channels.DirectLine.Tokens;

/// <summary>What a signed Direct Line token says: which conversation it opens, for whom, and until when.</summary>
/// <param name="ConversationId">The one conversation the token opens.</param>
/// <param name="UserId">The user the token speaks for; activities posted with it are sent as this user.</param>
/// <param name="IssuedAt">When it was signed.</param>
/// <param name="ExpiresAt">After this instant it opens nothing.</param>
/// <param name="Purpose"><see cref="TokenPurpose.Conversation"/> for REST calls, <see cref="TokenPurpose.Stream"/> for one WebSocket.</param>
public sealed record ConversationToken(string ConversationId, string? UserId, TokenPurpose Purpose, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>A REST token cannot open a stream with a long lifetime and a stream token cannot call the REST API.</summary>
public enum TokenPurpose { Conversation, Stream }
