using Bot.Host.Conversations.Activities;

namespace Bot.Host.Channels.DirectLine;

/// <summary>How the assistant appears in Direct Line transcripts.</summary>
internal static class BotAccount
{
    public const string ChannelId = "directline";

    public static readonly ChannelAccount Bot = new("govdoorplate", "数字政务门牌", "bot");
}
