using System.Text;
using System.Text.Json;
using Bot.Host.Conversations.Activities;

namespace Bot.Host.Conversations.Replies;

/// <summary>Builds the bot's message activities. Text is markdown written by us; knowledge text is escaped, citizen text never echoed.</summary>
internal static class Reply
{
    public static Activity Message(string text, IEnumerable<CardAction>? actions = null, IReadOnlyList<Attachment>? attachments = null)
    {
        var buttons = actions?.ToList();
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = "markdown",
            Locale = "zh-CN",
            InputHint = "expectingInput",
            SuggestedActions = buttons is { Count: > 0 } ? new SuggestedActions(buttons) : null,
            Attachments = attachments,
        };
    }

    /// <summary>A button that sends its title as the citizen's message.</summary>
    public static CardAction Button(string title, string? text = null) =>
        new("imBack", title, JsonSerializer.SerializeToElement(text ?? title));

    public static CardAction Link(string title, string url) => new("openUrl", title, JsonSerializer.SerializeToElement(url));

    /// <summary>Escapes the characters that would change markdown rendering.</summary>
    public static string Md(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|') builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }
}
