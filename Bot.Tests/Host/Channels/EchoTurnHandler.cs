using System.Text.Json;
using Bot.Host.Conversations;
using Bot.Host.Conversations.Activities;

namespace Bot.Tests.Host.Channels;

/// <summary>
/// A stand-in bot for channel tests: protocol conformance does not depend on what the bot says. It echoes text with
/// suggested actions, answers "card" or a material-list request with an Adaptive Card, greets on join, names the
/// doorplate it was opened on, and fails on "boom".
/// </summary>
public sealed class EchoTurnHandler : ITurnHandler
{
    public static readonly string[] Suggestions = ["查材料清单", "在哪办"];

    public Task<IReadOnlyList<Activity>> OnTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        IReadOnlyList<Activity> replies = activity switch
        {
            { Type: ActivityTypes.Event, Name: "webchat/join" } => [Say("您好，我是数字政务门牌，请说说您要办什么事。", Suggestions)],
            { Type: ActivityTypes.Event, Name: "doorplate/open" } => [Say($"您扫的是门牌 {DoorplateId(activity)}，想了解哪方面？", Suggestions)],
            { Type: ActivityTypes.Message, Text: "boom" } => throw new InvalidOperationException("The test bot fails on purpose."),
            { Type: ActivityTypes.Message, Text: var text } when text is "card" || text?.Contains("材料清单") == true => [Checklist()],
            { Type: ActivityTypes.Message, Attachments.Count: > 0 } => [Say($"收到 {activity.Attachments!.Count} 个文件：{activity.Attachments[0].Name}")],
            { Type: ActivityTypes.Message, Text: var text } => [Say($"你说：{text}", Suggestions)],
            _ => [],
        };
        return Task.FromResult(replies);
    }

    private static string DoorplateId(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("id", out var id) ? id.GetString() ?? "?" : "?";

    private static Activity Say(string text, string[]? suggestions = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        SuggestedActions = suggestions is null ? null
            : new SuggestedActions([.. suggestions.Select(s => new CardAction("imBack", s, JsonSerializer.SerializeToElement(s)))]),
    };

    private static Activity Checklist() => new()
    {
        Type = ActivityTypes.Message,
        Text = "这是您的材料清单：",
        Attachments = [new Attachment("application/vnd.microsoft.card.adaptive", JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["body"] = new object[]
            {
                new Dictionary<string, object> { ["type"] = "TextBlock", ["text"] = "材料清单（一次告知）", ["weight"] = "Bolder", ["size"] = "Medium" },
                new Dictionary<string, object> { ["type"] = "TextBlock", ["text"] = "1. 居民身份证 原件", ["wrap"] = true },
                new Dictionary<string, object> { ["type"] = "TextBlock", ["text"] = "2. 户口簿 原件", ["wrap"] = true },
            },
        }))],
    };
}
