using System.Security.Cryptography;
using System.Text.Json;
using Bot.Host.Channels.DirectLine.Storage;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Bot.Host.Channels.DirectLine.Attachments;

/// <summary>
/// POST …/conversations/{id}/upload?userId=…: a multipart form with an optional <c>activity</c> part
/// (<c>application/vnd.microsoft.activity</c>) and one part per file, as directlinejs sends it. The files are stored
/// with the transcript and the activity is sent as one turn with attachments pointing at them.
/// </summary>
internal static class UploadEndpoint
{
    public const string ActivityContentType = "application/vnd.microsoft.activity";

    public static async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> Upload(
        string conversationId, string? userId, DirectLineCaller caller, HttpRequest request, [FromServices] ITurnHandler bot,
        DirectLineStore store, DirectLineTurns turns, TimeProvider time, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return DirectLineProblems.BadArgument("file", "Send the files as multipart/form-data.");
        if (request.ContentLength > options.Value.MaxUploadBytes)
            return DirectLineProblems.TooLarge("file", $"Uploads are limited to {options.Value.MaxUploadBytes} bytes.");
        if (await store.FindConversationAsync(conversationId, cancellationToken) is null) return DirectLineProblems.ConversationNotFound(conversationId);
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.Sum(f => f.Length) > options.Value.MaxUploadBytes)
            return DirectLineProblems.TooLarge("file", $"Uploads are limited to {options.Value.MaxUploadBytes} bytes.");

        var activity = new Activity { Type = ActivityTypes.Message };
        var attachments = new List<Attachment>();
        foreach (var file in form.Files)
        {
            if (file.ContentType.StartsWith(ActivityContentType, StringComparison.OrdinalIgnoreCase))
            {
                await using var json = file.OpenReadStream();
                activity = await JsonSerializer.DeserializeAsync<Activity>(json, ActivityJson.Options, cancellationToken) ?? activity;
                continue;
            }
            var row = new AttachmentRow
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ConversationId = conversationId,
                ContentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType,
                Name = Path.GetFileName(file.FileName),
                Content = await ReadAllAsync(file, cancellationToken),
                CreatedAt = time.GetUtcNow(),
            };
            await store.SaveAttachmentAsync(row, cancellationToken);
            attachments.Add(new Attachment(row.ContentType, ContentUrl: AttachmentUrl(request, conversationId, row.Id), Name: row.Name));
        }
        if (attachments.Count == 0) return DirectLineProblems.BadArgument("file", "The upload holds no file.");

        activity = activity with
        {
            Type = string.IsNullOrEmpty(activity.Type) ? ActivityTypes.Message : activity.Type,
            Attachments = attachments,
            From = activity.From ?? (string.IsNullOrEmpty(userId) ? null : new ChannelAccount(userId)),
        };
        if (ActivityEndpoints.Check(activity, caller, options.Value) is { } problem) return problem;
        var id = await turns.RunAsync(conversationId, activity, ActivityEndpoints.UserOf(activity, caller), bot, cancellationToken);
        return TypedResults.Ok(new ResourceResponse(id));
    }

    /// <summary>GET an uploaded file. Its URL is the capability (128 random bits), so images render in the widget without a header.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> Download(
        string conversationId, string attachmentId, HttpResponse response, DirectLineStore store, CancellationToken cancellationToken)
    {
        var row = await store.FindAttachmentAsync(conversationId, attachmentId, cancellationToken);
        if (row is null) return TypedResults.NotFound();
        response.Headers.XContentTypeOptions = "nosniff";
        var inline = row.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);
        return TypedResults.File(row.Content, row.ContentType, inline ? null : row.Name ?? "attachment");
    }

    private static string AttachmentUrl(HttpRequest request, string conversationId, string attachmentId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/attachments/{attachmentId}";

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
