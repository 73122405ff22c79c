using System.Text.RegularExpressions;
using Bot.Host.Conversations.Activities;
using Microsoft.Extensions.AI;

namespace Bot.Host.Conversations.Replies;

/// <summary>
/// The optional phrasing step: when an <see cref="IChatClient"/> is registered (none is by default), the bot's reply
/// texts may be reworded for tone. Facts come from the reviewed knowledge base only, so a rewording that loses a
/// number, a link or a bold name is thrown away and the original is sent; so is any failure of the model.
/// </summary>
internal sealed partial class ReplyPhrasing(IServiceProvider services, ILogger<ReplyPhrasing> logger)
{
    private const string Instructions =
        "你是县政务服务中心导办助手的润色器。把用户给出的回复改得更亲切、口语化，但不得增删或改动任何事实：" +
        "数字、金额、时间、地址、链接、事项名称、材料名称必须原样保留，不得补充任何新信息。只输出改写后的回复。";

    public async Task<IReadOnlyList<Activity>> PhraseAsync(IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        if (services.GetService<IChatClient>() is not { } chat) return replies;
        var phrased = new List<Activity>(replies.Count);
        foreach (var reply in replies)
        {
            if (reply.Text is not { Length: > 0 } text || reply.Type != ActivityTypes.Message)
            {
                phrased.Add(reply);
                continue;
            }
            try
            {
                var response = await chat.GetResponseAsync(
                    [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, text)], cancellationToken: cancellationToken);
                var reworded = response.Text.Trim();
                phrased.Add(reworded.Length > 0 && KeepsFacts(text, reworded) ? reply with { Text = reworded } : reply);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.PhrasingFailed(e);
                phrased.Add(reply);
            }
        }
        return phrased;
    }

    /// <summary>Every number, link and bold name of the original is still in the rewording.</summary>
    internal static bool KeepsFacts(string original, string reworded) =>
        Facts().Matches(original).All(m => reworded.Contains(m.Value, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://\S+|\*\*[^*]+\*\*|\d+(?:[.:：\-]\d+)*")]
    private static partial Regex Facts();
}
