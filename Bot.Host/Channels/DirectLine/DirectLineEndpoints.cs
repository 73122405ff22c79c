using Bot.Host.Channels.DirectLine.Attachments;
using Bot.Host.Channels.DirectLine.Limits;
using Bot.Host.Channels.DirectLine.Streaming;
using Bot.Host.Channels.DirectLine.Tokens;
using Bot.Host.Channels.Embed;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine;

/// <summary>Direct Line 3.0 as the Bot Framework service publishes it, so that Web Chat and directlinejs work unmodified.</summary>
internal static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder routes)
    {
        var options = routes.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var api = routes.MapGroup("/v3/directline").WithTags("Direct Line")
            .AddEndpointFilter<DirectLineAuthFilter>()
            .RequireCors(EmbedOptions.CorsPolicy);

        api.MapPost("/tokens/generate", ConversationEndpoints.GenerateToken).WithName("GenerateDirectLineToken")
            .WithDirectLineLimits(LimitKind.ConversationStart);
        api.MapPost("/tokens/refresh", ConversationEndpoints.RefreshToken).WithName("RefreshDirectLineToken")
            .WithDirectLineLimits();
        api.MapPost("/conversations", ConversationEndpoints.Start).WithName("StartDirectLineConversation")
            .WithDirectLineLimits(LimitKind.ConversationStart);
        api.MapGet("/conversations/{conversationId}", ConversationEndpoints.Reconnect).WithName("ReconnectDirectLineConversation")
            .WithDirectLineLimits();
        api.MapPost("/conversations/{conversationId}/activities", ActivityEndpoints.Post).WithName("PostDirectLineActivity")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxActivityBytes))
            .WithDirectLineLimits(LimitKind.ActivityPost);
        api.MapGet("/conversations/{conversationId}/activities", ActivityEndpoints.Get).WithName("GetDirectLineActivities")
            .Produces<ActivitySet>(StatusCodes.Status200OK, "application/json")
            .WithDirectLineLimits();
        api.MapPost("/conversations/{conversationId}/upload", UploadEndpoint.Upload).WithName("UploadDirectLineAttachments")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes + 65_536))
            .DisableAntiforgery()
            .WithDirectLineLimits(LimitKind.ActivityPost);
        api.MapGet("/conversations/{conversationId}/attachments/{attachmentId}", UploadEndpoint.Download).WithName("GetDirectLineAttachment")
            .WithDirectLineLimits();
        api.MapGet("/conversations/{conversationId}/stream", StreamEndpoint.Open).WithName("OpenDirectLineStream")
            .ExcludeFromDescription()
            .WithDirectLineLimits();

        routes.MapPageToken();
        return routes;
    }
}
