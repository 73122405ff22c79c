namespace Bot.Host.Channels.DirectLine.Limits;

/// <summary>Which extra limit an endpoint is under, besides the per-address request limit that every one is under.</summary>
internal enum LimitKind { Request, ConversationStart, ActivityPost }

/// <summary>Applies <see cref="DirectLineLimits"/>: a 429 problem with <c>Retry-After</c> (seconds) when a limit is hit.</summary>
internal sealed class RateLimitFilter(DirectLineLimits limits, LimitKind kind) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var hit = limits.TryRequest(address) ?? kind switch
        {
            LimitKind.ConversationStart => limits.TryStartConversation(address),
            LimitKind.ActivityPost when http.GetRouteValue("conversationId") is string conversationId => limits.TryPostActivity(conversationId),
            _ => null,
        };
        if (hit is null) return next(context);
        http.Response.Headers.RetryAfter = Math.Ceiling(hit.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.FromResult<object?>(DirectLineProblems.TooManyRequests(hit.Scope, hit.RetryAfter));
    }
}

internal static class RateLimitFilterExtensions
{
    /// <summary>Puts the endpoints under the per-address limit and, for <paramref name="kind"/>, one more.</summary>
    public static TBuilder WithDirectLineLimits<TBuilder>(this TBuilder builder, LimitKind kind = LimitKind.Request)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var filter = new RateLimitFilter(factory.ApplicationServices.GetRequiredService<DirectLineLimits>(), kind);
            return context => filter.InvokeAsync(context, next);
        });
}
