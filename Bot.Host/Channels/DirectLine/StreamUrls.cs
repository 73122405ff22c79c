using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Channels.DirectLine;

/// <summary>The <c>streamUrl</c> of a conversation: same host, ws/wss, a short-lived stream token in <c>t</c>.</summary>
internal static class StreamUrls
{
    public static string For(HttpRequest request, string conversationId, string streamToken, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(streamToken)}";
        return watermark is { } w ? url + "&watermark=" + w.ToString(CultureInfo.InvariantCulture) : url;
    }
}

/// <summary>Watermarks are the decimal sequence number of the last activity a client has; empty means "from the start".</summary>
internal static class Watermarks
{
    public static bool TryParse(string? text, out long watermark)
    {
        watermark = 0;
        if (string.IsNullOrEmpty(text) || text == "-") return true;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark);
    }

    public static ProblemHttpResult Invalid() => DirectLineProblems.BadArgument("watermark", "watermark must be a watermark this service returned.");
}
