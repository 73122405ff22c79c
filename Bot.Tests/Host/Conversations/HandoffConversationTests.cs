using Bot.Handoff.Handoffs;
using Bot.Handoff.Staff;
using Bot.Host.Conversations;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.Conversations;

/// <summary>转人工 from the chat: the live handoff, the bot's silence while a human holds the conversation, and the ticket outside office hours.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HandoffConversationTests(PostgresCluster postgres)
{
    private static async Task<T> InScopeAsync<T>(GovDoorplateFactory host, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A specialist's console is connected and 在线, as the staff hub records it.</summary>
    private static Task<int> SpecialistOnlineAsync(GovDoorplateFactory host, string userName = "zhang.wei") => InScopeAsync(host, async sp =>
    {
        await sp.GetRequiredService<IStaffPresence>().ConnectedAsync($"console-{userName}", Actor.Staff(userName, StaffRole.Specialist), online: true, default);
        return 0;
    });

    [Fact]
    public async Task A_specialist_takes_over_the_bot_falls_silent_and_resumes_when_the_chat_ends()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var sink = new CapturingSink();
        await using var host = new GovDoorplateFactory(database.HostSettings(), ShiftedTimeProvider.MondayMorning(),
            services => services.AddSingleton<IActivitySink>(sink));
        await SpecialistOnlineAsync(host);
        var chat = new Chat(host.Services);
        await chat.SayAsync("身份证丢了怎么办");

        var queued = await chat.SayAsync("转人工，我电话13812345678");
        Assert.Contains("正在为您转接帮办导办专员", queued.AllText());
        var handoff = await InScopeAsync(host, sp => sp.GetRequiredService<IHandoffService>().GetActiveAsync(chat.ConversationId, default));
        Assert.NotNull(handoff);
        Assert.Equal(HandoffStatus.Queued, handoff.Status);
        Assert.Equal("GA-02", handoff.CandidateItemIds[0]);
        Assert.Equal("138****5678", handoff.MaskedContact);
        Assert.Contains(handoff.TranscriptExcerpt, l => l.From == "user" && l.Text.Contains("身份证丢了"));
        Assert.DoesNotContain(handoff.TranscriptExcerpt, l => l.Text.Contains("13812345678"));

        var specialist = Actor.Staff("zhang.wei", StaffRole.Specialist);
        await InScopeAsync(host, sp => sp.GetRequiredService<IHandoffService>().AcceptAsync(handoff.Id, specialist, default));
        Assert.Contains(sink.SentTo(chat.ConversationId), a => a.Text!.Contains("为您服务"));

        var silent = await chat.SayAsync("我在外地，能补办吗？");
        Assert.Empty(silent);
        for (var i = 0; i < 25; i++) Assert.Empty(await chat.SayAsync($"补充说明第{i}条")); // fast writing still reaches the human
        await InScopeAsync(host, sp => sp.GetRequiredService<IHandoffService>().SendToCitizenAsync(handoff.Id, specialist, "可以异地补领，带户口簿即可。", default));
        Assert.Contains(sink.SentTo(chat.ConversationId), a => a.Text == "可以异地补领，带户口簿即可。");

        await InScopeAsync(host, sp => sp.GetRequiredService<IHandoffService>().CompleteAsync(handoff.Id, specialist, "已解答异地补领", default));
        var answered = await chat.SayAsync("在哪办");
        Assert.Contains("示例县政务服务中心", answered.AllText());
    }

    [Fact]
    public async Task A_queued_citizen_can_cancel_and_talk_to_the_bot_again()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new GovDoorplateFactory(database.HostSettings(), ShiftedTimeProvider.MondayMorning());
        await SpecialistOnlineAsync(host);
        var chat = new Chat(host.Services);
        await chat.SayAsync("转人工");

        var waiting = await chat.SayAsync("还要等多久");
        Assert.Contains("专员接入后会看到", waiting.AllText());
        var cancelled = await chat.SayAsync("取消人工");
        Assert.Contains("已取消人工服务", cancelled.AllText());

        var answered = await chat.SayAsync("公积金怎么提取");
        Assert.Contains("住房公积金", answered.AllText());
    }

    [Fact]
    public async Task Outside_office_hours_the_citizen_is_told_so_and_gets_a_ticket_number()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new GovDoorplateFactory(database.HostSettings(), ShiftedTimeProvider.MondayNight());
        var chat = new Chat(host.Services);
        await chat.SayAsync("我家的事好几个部门都管不了");

        var replies = await chat.SayAsync("转人工 13912345678");

        Assert.Contains("现在不是工作时间", replies.AllText());
        Assert.Matches(@"编号 \*\*GD-\d{8}-\d{4}\*\*", replies.AllText());
        Assert.Contains("我的工单", replies.Buttons());

        var progress = await chat.SayAsync("我的工单");
        var number = System.Text.RegularExpressions.Regex.Match(replies.AllText(), @"GD-\d{8}-\d{4}").Value;
        Assert.Contains(number, progress.AllText());
        Assert.Contains("待受理", progress.AllText());
        var stranger = await new Chat(host.Services).SayAsync(number);
        Assert.DoesNotContain("待受理", stranger.AllText());
    }

    [Fact]
    public async Task In_office_hours_with_no_specialist_online_the_citizen_is_told_so_and_gets_a_ticket_with_the_promised_time()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new GovDoorplateFactory(database.HostSettings(), ShiftedTimeProvider.MondayMorning());
        // Signed in but 离开 (away) does not count.
        await InScopeAsync(host, async sp =>
        {
            var presence = sp.GetRequiredService<IStaffPresence>();
            await presence.ConnectedAsync("console-away", Actor.Staff("li.na", StaffRole.Specialist), online: true, default);
            await presence.SetOnlineAsync("console-away", online: false, default);
            return 0;
        });
        var chat = new Chat(host.Services);
        await chat.SayAsync("孩子出生了怎么上户口");

        var replies = await chat.SayAsync("转人工，电话13912345678");

        var text = replies.AllText();
        Assert.Contains("帮办导办专员现在都不在线", text);
        Assert.DoesNotContain("正在为您转接", text);
        Assert.Matches(@"编号 \*\*GD-\d{8}-\d{4}\*\*", text);
        Assert.Matches(@"专员会在 \d{1,2}月\d{1,2}日 \d{2}:\d{2} 前处理并联系您", text);
        Assert.Contains("按您留下的电话回电", text);
        Assert.Null(await InScopeAsync(host, sp => sp.GetRequiredService<IHandoffService>().GetActiveAsync(chat.ConversationId, default)));
        var answered = await chat.SayAsync("需要什么材料");
        Assert.NotEmpty(answered); // the bot keeps answering: nobody holds the conversation
    }
}
