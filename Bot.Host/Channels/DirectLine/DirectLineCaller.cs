using Bot.Host.Channels.DirectLine.Tokens;

namespace Bot.Host.Channels.DirectLine;

/// <summary>
/// Who is calling the Direct Line API, read from <c>Authorization: Bearer …</c>: the holder of the channel secret
/// (any conversation), of a token (its one conversation), or nobody. <see cref="DirectLineAuthFilter"/> turns the
/// last two cases away before a handler runs.
/// </summary>
public sealed record DirectLineCaller(CallerKind Kind, ConversationToken? Token, string? Credential)
{
    public bool HoldsSecret => Kind == CallerKind.Secret;

    /// <summary>True when the caller may read and write <paramref name="conversationId"/>.</summary>
    public bool MayOpen(string conversationId) =>
        HoldsSecret || (Kind == CallerKind.Token && string.Equals(Token!.ConversationId, conversationId, StringComparison.Ordinal));

    /// <summary>The user id the token fixes, if any; activities posted with the token are sent as this user.</summary>
    public string? BoundUserId => Token?.UserId;

    public static ValueTask<DirectLineCaller?> BindAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
            return ValueTask.FromResult<DirectLineCaller?>(new(CallerKind.Missing, null, null));
        var credential = header[scheme.Length..].Trim();
        var services = context.RequestServices;
        if (services.GetRequiredService<ChannelSecret>().Matches(credential))
            return ValueTask.FromResult<DirectLineCaller?>(new(CallerKind.Secret, null, credential));
        var token = services.GetRequiredService<TokenIssuer>().Validate(credential);
        return ValueTask.FromResult<DirectLineCaller?>(token is { Purpose: TokenPurpose.Conversation }
            ? new(CallerKind.Token, token, credential)
            : new(CallerKind.Invalid, null, null));
    }
}

public enum CallerKind { Missing, Invalid, Secret, Token }

/// <summary>Rejects calls without a valid credential, and calls into a conversation the token does not open.</summary>
internal sealed class DirectLineAuthFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        DirectLineCaller? caller = null;
        for (var i = 0; i < context.Arguments.Count && caller is null; i++) caller = context.Arguments[i] as DirectLineCaller;
        if (caller is null) return next(context);
        if (caller.Kind == CallerKind.Missing) return ValueTask.FromResult<object?>(DirectLineProblems.MissingCredential());
        if (caller.Kind == CallerKind.Invalid) return ValueTask.FromResult<object?>(DirectLineProblems.InvalidCredential());
        if (context.HttpContext.GetRouteValue("conversationId") is string conversationId && !caller.MayOpen(conversationId))
            return ValueTask.FromResult<object?>(DirectLineProblems.WrongConversation());
        return next(context);
    }
}
