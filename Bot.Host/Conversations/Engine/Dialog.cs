using System.Text.Json;
using Bot.Handoff.Handoffs;
using Bot.Handoff.Sla;
using Bot.Handoff.Staff;
using Bot.Handoff.Tickets;
using Bot.Host.Conversations.Activities;
using Bot.Host.Conversations.Replies;
using Bot.Host.Conversations.State;
using Bot.Host.Hosting;
using Bot.Knowledge.Text;
using Bot.Knowledge.Catalog;
using Bot.Knowledge.Curation;
using Bot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace Bot.Host.Conversations.Engine;

/// <summary>
/// Decides what the assistant says in one turn: commands first (重新开始, 上一步, 转人工, 纠错), then an
/// answer to the pending situation question, then follow-ups about the current item, then a new request
/// found by retrieval.
/// </summary>
internal sealed partial class Dialog(
    IKnowledgeCatalog catalog,
    IKnowledgeSearch search,
    ConversationStore store,
    MissedQueryLog missed,
    IHandoffService handoffs,
    ITicketService tickets,
    IStaffPresence presence,
    DeadlinePolicy deadlines,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    IOptions<SiteOptions> site,
    ILogger<Dialog> logger)
{
    private KnowledgeSnapshot Knowledge => catalog.Current;
    private ConversationOptions Options => options.Value;

    public async Task RespondAsync(Turn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                if (activity.Extra?.TryGetValue("membersAdded", out var added) == true && added.ValueKind == JsonValueKind.Array
                    && added.EnumerateArray().Any(m => m.TryGetProperty("id", out var id) && id.GetString() == activity.From?.Id))
                    Greet(turn);
                return;
            case ActivityTypes.Event:
                await OnEventAsync(turn, cancellationToken);
                return;
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                foreach (var reply in turn.Replies.Where(r => r.Text is not null)) Remember(turn.State, "bot", reply.Text!);
                return;
            default:
                return; // typing, endOfConversation…: nothing to say
        }
    }

    private async Task OnEventAsync(Turn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Name)
        {
            case "webchat/join" or "startConversation":
                Greet(turn);
                break;
            case "doorplate/open" when activity.Value is { ValueKind: JsonValueKind.Object } value
                                      && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String:
                OpenDoorplate(turn, id.GetString()!);
                break;
            case "location" when activity.Value is { ValueKind: JsonValueKind.Object } at
                                 && at.TryGetProperty("latitude", out var lat) && lat.TryGetDouble(out var latitude)
                                 && at.TryGetProperty("longitude", out var lng) && lng.TryGetDouble(out var longitude):
                turn.State.Latitude = latitude;
                turn.State.Longitude = longitude;
                if (turn.State.Subject is not null) Places(turn);
                else turn.Say(Reply.Message("已收到您的位置。请告诉我您要办什么事，我按远近为您推荐办理地点。"));
                break;
        }
        await Task.CompletedTask.WaitAsync(cancellationToken);
    }

    private async Task OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        var text = turn.Text;
        // While a human holds the conversation the message goes to them, even when the citizen writes quickly.
        if (text.Length > 0 && text.Length <= Options.MaxMessageLength && await RelayToHumanAsync(turn, cancellationToken)) return;
        if (!Admit(turn)) return;
        Remember(state, "user", text);

        if (state.AwaitingErrorReport)
        {
            await SaveErrorReportAsync(turn, text, cancellationToken);
            return;
        }
        switch (Phrases.Command(text))
        {
            case Ask.Restart: Restart(turn); return;
            case Ask.Back: Back(turn); return;
            case Ask.Human: await HandOverAsync(turn, HandoffReasons.CitizenAsked, cancellationToken); return;
            case Ask.ErrorReport: await StartErrorReportAsync(turn, text, cancellationToken); return;
            case Ask.Greeting: Greet(turn); return;
            case Ask.NotHelpful: await NotHelpfulAsync(turn, cancellationToken); return;
            case Ask.MyTickets: await MyTicketsAsync(turn, cancellationToken); return;
        }
        if (MentionsTicket(text))
        {
            await MyTicketsAsync(turn, cancellationToken);
            return;
        }
        if (state.PendingQuestion is not null && await TryAnswerAsync(turn, cancellationToken)) return;
        if (await TrySelectCandidateAsync(turn, cancellationToken)) return;
        NoteTownship(state, text);
        if (state.Subject is not null && await TryFollowUpAsync(turn, cancellationToken)) return;
        if (state.Subject is null && IsBareFollowUp(text))
        {
            turn.Say(Reply.Message("请先告诉我您要办什么事，比如“身份证丢了”“开个小饭馆”，我再告诉您要带什么、去哪办。",
                [Reply.Button("身份证丢了怎么办"), Reply.Button("我想开个小饭馆"), Reply.Button("转人工")]));
            return;
        }
        await RequestAsync(turn, cancellationToken);
    }

    /// <summary>Refuses, kindly, what cannot be understood: empty, too long, only emoji, too fast.</summary>
    private bool Admit(Turn turn)
    {
        var text = turn.Text;
        if (text.Length == 0 && turn.Activity.Attachments is { Count: > 0 })
        {
            turn.Say(Reply.Message("我暂时看不懂图片和文件。请用文字告诉我您要办什么事，例如“身份证丢了怎么办”。"));
            return false;
        }
        if (text.Length == 0)
        {
            turn.Say(Reply.Message("请输入您要办的事，例如“我想开个小饭馆”。"));
            return false;
        }
        if (text.Length > Options.MaxMessageLength)
        {
            turn.Say(Reply.Message($"您的消息有点长（超过{Options.MaxMessageLength}字），我一次看不完。请用一两句话说说您要办什么事。"));
            return false;
        }
        if (!CitizenText.HasWords(text))
        {
            turn.Say(Reply.Message("收到😊 请用文字告诉我您要办什么事，例如“孩子刚出生怎么上户口”。", [Reply.Button("你能做什么")]));
            return false;
        }
        var now = time.GetUtcNow();
        turn.State.RecentTurns.RemoveAll(t => now - t > TimeSpan.FromMinutes(1));
        if (turn.State.RecentTurns.Count >= Options.TurnsPerMinute)
        {
            turn.Say(Reply.Message("您发得有点快，请稍等一会儿再发，我会一条一条为您解答。"));
            return false;
        }
        turn.State.RecentTurns.Add(now);
        return true;
    }

    private void Remember(ConversationState state, string role, string text)
    {
        state.Transcript.Add(new TranscriptLine(role, PersonalData.Mask(text), time.GetUtcNow()));
        if (state.Transcript.Count > Options.TranscriptLines) state.Transcript.RemoveRange(0, state.Transcript.Count - Options.TranscriptLines);
        if (role == "user") state.LastText = PersonalData.Mask(text);
    }

    /// <summary>"材料清单", "在哪办？", "要多久": a follow-up with nothing else in it, which needs a subject first.</summary>
    private static bool IsBareFollowUp(string text) =>
        Phrases.FollowUp(text) != Ask.None && new string(text.Where(char.IsLetterOrDigit).ToArray()).Length <= 6;

    private void Greet(Turn turn)
    {
        var examples = new[] { "我想开个小饭馆", "孩子刚出生怎么上户口", "身份证丢了怎么办", "医保异地就医怎么备案", "公积金怎么提取" };
        turn.Say(Reply.Message(
            "您好！我是示例县政务服务中心的智能导办助手。说说您要办的事，我帮您找到对应事项，告诉您要带哪些材料、去哪里办、能不能网上办。\n\n" +
            "你可以这样问我：" + string.Join("、", examples.Select(e => $"“{e}”")) + "。\n\n随时可以说“转人工”找帮办导办专员。",
            examples.Take(4).Select(e => Reply.Button(e)).Append(Reply.Button("转人工"))));
        turn.State.LastAnswer = "greeting";
    }

    private void Restart(Turn turn)
    {
        var state = turn.State;
        state.Subject = null;
        state.PendingQuestion = null;
        state.Answers.Clear();
        state.AnswerOrder.Clear();
        state.Candidates.Clear();
        state.Misses = 0;
        turn.Say(Reply.Message("好的，我们重新开始。请说说您要办什么事。", [Reply.Button("我想开个小饭馆"), Reply.Button("孩子刚出生怎么上户口")]));
    }

    private static string? Township(KnowledgeSnapshot knowledge, string text) =>
        knowledge.ServicePoints.Values.Select(p => p.Township).Distinct()
            .FirstOrDefault(t => text.Contains(t, StringComparison.Ordinal) || (t.Length > 2 && text.Contains(t[..^1], StringComparison.Ordinal)));

    private void NoteTownship(ConversationState state, string text)
    {
        if (Township(Knowledge, text) is { } township) state.Township = township;
    }

    private SearchHit? Hit(string id) =>
        Knowledge.Items.TryGetValue(id, out var item) ? new SearchHit(item.Id, SearchDocumentKind.Item, item.Name, 1)
        : Knowledge.Bundles.TryGetValue(id, out var bundle) ? new SearchHit(bundle.Id, SearchDocumentKind.Bundle, bundle.Name, 1)
        : null;
}
