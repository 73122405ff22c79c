using System.Net;
using System.Text.Json;
using Bot.Host.Conversations.Activities;
using Bot.Knowledge.Catalog;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Host.Conversations;

/// <summary>Scripted multi-turn conversations against the real engine, retrieval and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConversationFlowTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private GovDoorplateFactory _host = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("postgres", postgres);
        _host = new GovDoorplateFactory(_database.HostSettings(), ShiftedTimeProvider.MondayMorning());
        _ = _host.Services; // start the host
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Chat NewChat() => new(_host.Services);

    private KnowledgeSnapshot Knowledge => _host.Services.GetRequiredService<IKnowledgeCatalog>().Current;

    /// <summary>Clicks through the situation questions (first option each time, or the one chosen) until the checklist comes.</summary>
    private static async Task<IReadOnlyList<Activity>> AnswerUntilChecklistAsync(Chat chat, IReadOnlyList<Activity> replies, Func<IReadOnlyList<string>, string>? choose = null)
    {
        for (var i = 0; i < 20 && !replies.Any(r => r.Attachments is { Count: > 0 }); i++)
            replies = await chat.SayAsync((choose ?? (b => b[0]))(replies.Buttons()));
        return replies;
    }

    [Fact]
    public async Task A_new_conversation_is_greeted_with_examples_and_a_way_to_a_human()
    {
        var replies = await NewChat().EventAsync("webchat/join");

        Assert.Contains("你可以这样问我", replies.AllText());
        Assert.Contains("转人工", replies.Buttons());
        Assert.True(replies.Buttons().Count >= 3);
    }

    [Fact]
    public async Task A_clear_request_names_the_item_in_plain_words_and_offers_next_steps()
    {
        var replies = await NewChat().SayAsync("身份证丢了怎么办");

        Assert.Contains("居民身份证补领", replies.AllText());
        Assert.Equal(["材料清单", "在哪办", "网上办", "常见问题"], replies.Buttons());
    }

    [Fact]
    public async Task Situation_questions_come_one_at_a_time_and_end_in_a_checklist_for_exactly_that_situation()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");

        var first = await chat.SayAsync("材料清单");
        Assert.Contains("身份证是怎么没的", first.AllText());
        Assert.Contains("被偷或被抢", first.Buttons());
        Assert.Contains("重新开始", first.Buttons());

        var replies = await chat.SayAsync("被偷或被抢");
        replies = await chat.SayAsync("户口在外地");
        replies = await AnswerUntilChecklistAsync(chat, replies);

        var card = Assert.Single(replies.SelectMany(r => r.Attachments ?? []));
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var text = replies.AllText();
        var item = Knowledge.Items["GA-02"];
        string Name(string id) => item.Materials.First(m => m.Id == id).Name;
        Assert.Contains(Name("police-report"), text);   // stolen
        Assert.Contains(Name("other-id"), text);        // registered elsewhere
        Assert.DoesNotContain(Name("guardian-id"), text); // adult: the first option
        Assert.Contains("/checklists/", text);
    }

    [Fact]
    public async Task What_the_citizen_already_said_pre_answers_the_questions()
    {
        var chat = NewChat();
        var intro = await chat.SayAsync("我身份证被偷了，户口在外地，要补办");
        Assert.Contains("居民身份证补领", intro.AllText());
        Assert.Contains("已记下2项", intro.AllText());

        var next = await chat.SayAsync("要带什么材料");

        Assert.Contains("年满16周岁", next.AllText());
    }

    [Fact]
    public async Task Free_text_answers_and_the_previous_step_are_understood()
    {
        var chat = NewChat();
        var intro = await chat.SayAsync("孩子刚出生怎么上户口");
        if (intro.Buttons().Contains("出生登记")) await chat.SayAsync("出生登记"); // the assistant may ask which one is meant
        var replies = await chat.SayAsync("材料清单");
        Assert.Contains("孩子在哪里出生", replies.AllText());

        replies = await chat.SayAsync("在医院生的，有出生证明");
        Assert.Contains("结婚登记", replies.AllText());
        replies = await chat.SayAsync("是的");
        Assert.Contains("哪种户口", replies.AllText());
        replies = await chat.SayAsync("上一步");
        Assert.Contains("结婚登记", replies.AllText());
        replies = await chat.SayAsync("没有");
        Assert.Contains("哪种户口", replies.AllText());
    }

    [Fact]
    public async Task A_restarted_host_continues_the_questionnaire_where_the_citizen_was()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");
        await chat.SayAsync("材料清单");
        await chat.SayAsync("被偷或被抢");

        await _host.DisposeAsync();
        _host = new GovDoorplateFactory(_database.HostSettings(), ShiftedTimeProvider.MondayMorning());
        var resumed = new Chat(_host.Services, chat.ConversationId);

        var replies = await resumed.SayAsync("户口在本县");
        Assert.Contains("年满16周岁", replies.AllText());
        replies = await AnswerUntilChecklistAsync(resumed, replies);
        var item = Knowledge.Items["GA-02"];
        Assert.Contains(item.Materials.First(m => m.Id == "police-report").Name, replies.AllText());
    }

    [Fact]
    public async Task Follow_ups_refer_to_the_current_item()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");

        var where = await chat.SayAsync("在哪办？");
        Assert.Contains("示例县政务服务中心", where.AllText());
        Assert.Contains("C02", where.AllText());
        Assert.Contains("uri.amap.com", where.AllText());

        var fee = await chat.SayAsync("收费吗？");
        Assert.Contains("居民身份证补领", fee.AllText());
        Assert.Contains("元", fee.AllText());

        var time = await chat.SayAsync("要多久？");
        Assert.Contains("工作日", time.AllText());

        var weekend = await chat.SayAsync("周末开门吗");
        Assert.Contains("办公时间", weekend.AllText());

        var online = await chat.SayAsync("能在网上办吗");
        Assert.Contains("网上", online.AllText());
        Assert.Contains(online.SelectMany(r => r.SuggestedActions?.Actions ?? []), a => a.Type == "openUrl");
    }

    [Fact]
    public async Task Naming_a_township_puts_its_service_points_first()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");

        var replies = await chat.SayAsync("我在东河镇，去哪里办最近");

        var text = replies.AllText();
        Assert.True(text.IndexOf("东河镇", StringComparison.Ordinal) < text.IndexOf("示例县政务服务中心", StringComparison.Ordinal) || !text.Contains("示例县政务服务中心"));
    }

    [Fact]
    public async Task An_item_FAQ_is_answered_from_the_item()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");
        var faq = Knowledge.Items["GA-02"].Faqs[0];

        var replies = await chat.SayAsync(faq.Question);

        Assert.Contains(faq.Answer[..Math.Min(12, faq.Answer.Length)], replies.AllText());
    }

    [Fact]
    public async Task A_bundle_asks_the_questions_of_all_its_items_once_and_lists_shared_materials_once()
    {
        var chat = NewChat();
        var intro = await chat.EventAsync("doorplate/open", new { id = "B-02" });
        Assert.Contains("新生儿出生一件事", intro.AllText());

        var replies = await AnswerUntilChecklistAsync(chat, await chat.SayAsync("材料清单"));

        var card = JsonSerializer.Serialize(Assert.Single(replies.SelectMany(r => r.Attachments ?? [])).Content, ReadableJson);
        Assert.Contains("带一份即可", card);
        var bundle = Knowledge.Bundles["B-02"];
        foreach (var (step, i) in bundle.Steps.Select((s, i) => (s, i)))
            Assert.Contains($"第{i + 1}步：{Knowledge.Items[step.ItemId].Name}", card);
    }

    [Fact]
    public async Task The_checklist_has_a_printable_page_with_a_QR_code()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");
        var replies = await AnswerUntilChecklistAsync(chat, await chat.SayAsync("材料清单"));
        var url = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).First(a => a.Type == "openUrl").Value!.Value.GetString()!;

        var response = await _host.CreateClient().GetAsync(new Uri(url).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<svg", html);
        Assert.Contains("@page{size:A4", html);
        Assert.Contains(Knowledge.Items["GA-02"].Materials.First(m => m.Always).ReviewPoints[0], html);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.CreateClient().GetAsync("/checklists/nope")).StatusCode);
    }

    [Fact]
    public async Task Nothing_that_fits_is_said_honestly_with_a_human_offered_and_repeated_misses_hand_over()
    {
        var chat = NewChat();

        var first = await chat.SayAsync("今天天气怎么样");
        Assert.Contains("转人工", first.Buttons());
        Assert.DoesNotContain("您要办的是", first.AllText());

        var second = await chat.SayAsync("给我讲个笑话吧");
        Assert.Contains("我几次都没能准确回答您", second.AllText());
        // Nobody is at a console in this host: the hand-over is an honest ticket (HandoffConversationTests covers the live queue).
        Assert.Contains("已为您登记工单", second.AllText());
    }

    [Fact]
    public async Task An_error_report_is_stored_with_the_item_and_the_answer_shown()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");
        await chat.SayAsync("在哪办");

        var ask = await chat.SayAsync("纠错");
        Assert.Contains("哪里不对", ask.AllText());
        var thanks = await chat.SayAsync("窗口号写错了，我电话13812345678");
        Assert.Contains("已记录", thanks.AllText());

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Bot.Host.Conversations.State.ConversationDbContext>();
        var report = Assert.Single(db.ErrorReports.Where(r => r.ConversationId == chat.ConversationId));
        Assert.Equal("GA-02", report.SubjectId);
        Assert.Equal("places:GA-02", report.AnswerShown);
        Assert.Contains("138****5678", report.Note);
    }

    [Fact]
    public async Task An_error_report_with_its_description_in_one_message_is_stored_at_once()
    {
        var chat = NewChat();
        await chat.SayAsync("身份证丢了怎么办");

        var thanks = await chat.SayAsync("纠错：工本费写错了");

        Assert.Contains("已记录", thanks.AllText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("How do I renew my passport?")]
    [InlineData("？？？！！！")]
    public async Task Bad_input_gets_a_friendly_reply_and_never_echoes_markup(string text)
    {
        var replies = await NewChat().SayAsync(text);

        var reply = Assert.Single(replies);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.DoesNotContain("<script", reply.Text);
        Assert.DoesNotContain("系统刚才开了个小差", reply.Text);
    }

    [Fact]
    public async Task A_huge_message_is_refused_kindly_naming_the_limit()
    {
        var replies = await NewChat().SayAsync(new string('办', 5000));

        Assert.Contains("500", replies.AllText());
    }

    [Fact]
    public async Task Rapid_messages_beyond_the_per_minute_limit_are_asked_to_slow_down()
    {
        var chat = NewChat();
        IReadOnlyList<Activity> replies = [];
        for (var i = 0; i < 21; i++) replies = await chat.SayAsync("身份证丢了怎么办");

        Assert.Contains("稍等", replies.AllText());
    }
}
