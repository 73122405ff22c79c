using System.Text.RegularExpressions;
using Bot.Tests.Host.Channels;
using Bot.Tests.Host.Channels.WebPage;
using Bot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bot.Tests.Host.Consoles;

/// <summary>
/// The whole closed loop in real headless Chromium: a citizen in the web widget, a specialist and a department handler
/// at <c>/console</c>, each in their own browser context, on a Kestrel host with PostgreSQL during office hours.
/// Screenshots are kept in bin/…/artifacts/webchat (console-*.png).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ConsoleJourneyTests(PostgresCluster postgres)
{
    private const float Patience = 20_000;
    private const string Password = "Doorplate-2026";

    [Fact]
    public async Task A_specialist_takes_over_live_dispatches_a_ticket_the_department_resolves_it_and_the_citizen_rates_it()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var settings = ChannelHost.Settings(database.HostSettings(), new() { ["Staff:DevelopmentAccounts"] = "true" });
        await using var host = new ChannelHost(settings, echoBot: false, ShiftedTimeProvider.MondayMorning()).StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var errors = new List<string>();

            // A specialist is at the console (在线): only then does the assistant offer a live human.
            var specialist = await ConsoleAsync(browser, host, "specialist", errors);

            // The citizen asks for a human in the widget.
            var citizen = await Browser.PhoneAsync(browser);
            Watch(citizen, errors);
            var token = await citizen.RunAndWaitForResponseAsync(() => citizen.GotoAsync(host.Address + ""),
                r => r.Url.EndsWith("/api/directline/token", StringComparison.Ordinal), new() { Timeout = Patience });
            var conversationId = (await token.JsonAsync())!.Value.GetProperty("conversationId").GetString()!;
            await See(citizen, "你可以这样问我");
            await SayAsync(citizen, "身份证丢了怎么办");
            await See(citizen, "居民身份证补领");
            await SayAsync(citizen, "转人工");
            await See(citizen, "正在为您转接帮办导办专员");

            // The specialist sees the citizen waiting, and takes over.
            var waiting = specialist.Locator("#queue li").Filter(new() { HasText = "市民要求人工" });
            await waiting.GetByText("已等待").WaitForAsync(new() { Timeout = Patience });
            await Browser.ScreenshotAsync(specialist, "console-1-queue");
            await waiting.GetByRole(AriaRole.Button, new() { Name = "接入" }).ClickAsync();
            await See(citizen, "人工客服 工号1001 为您服务");

            // The bot's candidate is beside the chat: one click sends where to go for it.
            await specialist.Locator("#candidates li").Filter(new() { HasText = "GA-02" })
                .GetByRole(AriaRole.Button, new() { Name = "发送办理地点" }).ClickAsync(new() { Timeout = Patience });
            await See(citizen, "居民身份证补领的办理地点：示例县政务服务中心");
            await specialist.Locator("#messages li.me").Filter(new() { HasText = "导航：" }).WaitForAsync(new() { Timeout = Patience });

            // Both write, live.
            await specialist.Locator("#chat-input").FillAsync("您好，我是帮办专员，请问要办什么事？");
            await specialist.Locator("#chat-input").PressAsync("Enter");
            await See(citizen, "您好，我是帮办专员，请问要办什么事？");
            await SayAsync(citizen, "我想在镇上开一家小吃店");
            await specialist.Locator("#messages li.citizen").Filter(new() { HasText = "我想在镇上开一家小吃店" })
                .WaitForAsync(new() { Timeout = Patience });
            await Browser.ScreenshotAsync(citizen, "console-2-citizen-chat");

            // A reload does not lose the chat: the console picks up the handoff it holds, with everything said so far.
            await specialist.ReloadAsync();
            await specialist.Locator("body[data-hub='connected']").WaitForAsync(new() { Timeout = Patience });
            await specialist.Locator("#messages li.system").Filter(new() { HasText = "已恢复您正在进行的对话" }).WaitForAsync(new() { Timeout = Patience });
            await specialist.Locator("#messages li.me").Filter(new() { HasText = "您好，我是帮办专员，请问要办什么事？" }).WaitForAsync(new() { Timeout = Patience });
            await specialist.Locator("#messages li.citizen").Filter(new() { HasText = "我想在镇上开一家小吃店" }).WaitForAsync(new() { Timeout = Patience });
            await SayAsync(citizen, "是租的门面");
            await specialist.Locator("#messages li.citizen").Filter(new() { HasText = "是租的门面" }).WaitForAsync(new() { Timeout = Patience });
            await Browser.ScreenshotAsync(specialist, "console-3-specialist-chat");

            // The specialist turns it into a ticket, accepts and dispatches it to 市场监督管理局, and ends the chat.
            await specialist.Locator("#category").SelectOptionAsync("crossDepartment");
            await specialist.Locator("#ticket-description").FillAsync("开办小吃店：营业执照与食品经营许可");
            await specialist.GetByRole(AriaRole.Button, new() { Name = "转为工单" }).ClickAsync();
            var converted = specialist.Locator("#messages li.system").Filter(new() { HasText = "已转为工单" });
            await converted.WaitForAsync(new() { Timeout = Patience });
            var number = TicketNumber().Match(await converted.InnerTextAsync()).Value;
            Assert.NotEmpty(number);

            var row = specialist.Locator($"tr[data-ticket='{number}']");
            await row.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync(new() { Timeout = Patience });
            await row.Locator("td[data-status='accepted']").WaitForAsync(new() { Timeout = Patience });
            await row.GetByLabel($"{number} 牵头部门").SelectOptionAsync("SCJG");
            await row.GetByLabel($"{number} 备注").FillAsync("请市场监管局牵头办理");
            await row.GetByRole(AriaRole.Button, new() { Name = "派单" }).ClickAsync();
            await row.Locator("td[data-status='dispatched']").WaitForAsync(new() { Timeout = Patience });
            await specialist.Locator("#summary").FillAsync("已转工单，由市场监管局牵头办理");
            await specialist.GetByRole(AriaRole.Button, new() { Name = "结束对话" }).ClickAsync();
            await See(citizen, "本次人工服务已结束");
            await specialist.Locator("#send-form").WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = Patience });
            await Browser.ScreenshotAsync(specialist, "console-4-dispatched");

            // The department handler sees it (their department's), starts and resolves it.
            var handler = await ConsoleAsync(browser, host, "handler-scjg", errors);
            var theirs = handler.Locator($"tr[data-ticket='{number}']");
            try
            {
                await theirs.GetByRole(AriaRole.Button, new() { Name = "开始办理" }).ClickAsync(new() { Timeout = Patience });
            }
            catch (TimeoutException)
            {
                await Browser.ScreenshotAsync(handler, "console-failure-handler");
                throw new TimeoutException($"handler page: {await handler.Locator("#app").InnerTextAsync()} errors: {string.Join(" | ", errors)}");
            }
            await theirs.Locator("td[data-status='inProgress']").WaitForAsync(new() { Timeout = Patience });
            await theirs.GetByLabel($"{number} 备注").FillAsync("已指导网上办理营业执照和食品经营许可，材料已预审通过");
            await theirs.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
            await theirs.Locator("td[data-status='resolved']").WaitForAsync(new() { Timeout = Patience });
            await Browser.ScreenshotAsync(handler, "console-5-handler-resolved");
            // The specialist's console follows through the hub, without reloading.
            await row.Locator("td[data-status='resolved']").WaitForAsync(new() { Timeout = Patience });
            await See(citizen, $"工单 {number}");

            // The citizen rates it (好差评) with the citizen ticket API, from their own browser.
            var rating = await citizen.Context.APIRequest.PostAsync($"{host.Address}api/tickets/{number}/rating", new()
            {
                DataObject = new { conversationId, level = "verySatisfied", comment = "专员很耐心" },
            });
            Assert.Equal(200, rating.Status);

            // The specialist's statistics show the rating (好评率) and the ticket.
            await specialist.Locator("#refresh-statistics").ClickAsync();
            await specialist.Locator("[data-figure='satisfaction'] dd").Filter(new() { HasText = "100.0%" }).WaitForAsync(new() { Timeout = Patience });
            Assert.Equal("1", await specialist.Locator("#ratings li[data-key='verySatisfied'] span").Nth(1).InnerTextAsync());
            Assert.Equal("1", await specialist.Locator("[data-figure='tickets'] dd").InnerTextAsync());

            // The audit trail shows every step, with who did it.
            var audit = await specialist.Context.APIRequest.GetAsync($"{host.Address}api/staff/tickets/{number}/audit");
            Assert.Equal(200, audit.Status);
            var steps = (await audit.JsonAsync())!.Value.EnumerateArray()
                .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString())).ToList();
            Assert.Equal(["created", "accepted", "dispatched", "started", "resolved", "rated"], steps.Select(s => s.Action));
            Assert.Equal(["specialist", "specialist", "specialist", "handler-scjg", "handler-scjg"], steps.Take(5).Select(s => s.Actor));
            await row.GetByRole(AriaRole.Button, new() { Name = "办理记录" }).ClickAsync();
            await specialist.Locator("#audit li").Nth(5).WaitForAsync(new() { Timeout = Patience });
            Assert.Contains("派单：已受理 → 已派单，specialist", await specialist.Locator("#audit").InnerTextAsync());
            await Browser.ScreenshotAsync(specialist, "console-6-audit");
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task A_note_being_typed_in_one_ticket_survives_a_refresh_set_off_by_another_consoles_change()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var settings = ChannelHost.Settings(database.HostSettings(), new() { ["Staff:DevelopmentAccounts"] = "true" });
        await using var host = new ChannelHost(settings, echoBot: false, ShiftedTimeProvider.MondayMorning()).StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var errors = new List<string>();
            var supervisor = await ConsoleAsync(browser, host, "supervisor", errors);
            var specialist = await ConsoleAsync(browser, host, "specialist", errors);
            async Task<string> OpenAsync(string description)
            {
                var created = await supervisor.Context.APIRequest.PostAsync($"{host.Address}api/staff/tickets",
                    new() { DataObject = new { category = "consultation", description, itemIds = Array.Empty<string>() } });
                Assert.Equal(201, created.Status);
                return (await created.JsonAsync())!.Value.GetProperty("number").GetString()!;
            }
            var mine = await OpenAsync("市民咨询社保转移");
            var other = await OpenAsync("市民咨询公积金提取");
            var row = specialist.Locator($"tr[data-ticket='{mine}']");
            await row.WaitForAsync(new() { Timeout = Patience });
            await specialist.Locator($"tr[data-ticket='{other}']").WaitForAsync(new() { Timeout = Patience });
            await row.GetByLabel($"{mine} 备注").FillAsync("已电话联系，正在核实");

            // Another member of staff accepts the other ticket: this console hears of it and refreshes its list.
            var accepted = await supervisor.Context.APIRequest.PostAsync($"{host.Address}api/staff/tickets/{other}/accept", new() { DataObject = new { } });
            Assert.Equal(200, accepted.Status);
            await specialist.Locator($"tr[data-ticket='{other}'] td[data-status='accepted']").WaitForAsync(new() { Timeout = Patience });

            Assert.Equal("已电话联系，正在核实", await row.GetByLabel($"{mine} 备注").InputValueAsync());
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task The_console_refuses_a_wrong_password_and_its_hub_refuses_anonymous_callers()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var settings = ChannelHost.Settings(database.HostSettings(), new() { ["Staff:DevelopmentAccounts"] = "true" });
        await using var host = new ChannelHost(settings, echoBot: false).StartKestrel();
        using var http = new HttpClient { BaseAddress = host.Address };

        var negotiate = await http.PostAsync("/hubs/staff/negotiate?negotiateVersion=1", null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, negotiate.StatusCode);

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync(new() { Locale = "zh-CN" });
            await page.GotoAsync(host.Address + "console");
            await page.Locator("#user-name").FillAsync("specialist");
            await page.Locator("#password").FillAsync("wrong-password");
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await See(page, "登录失败");
            Assert.True(await page.Locator("#app").IsHiddenAsync());
        }
    }

    /// <summary>A desktop page in its own browser context (its own cookie jar), signed in at /console, its hub connected.</summary>
    internal static async Task<IPage> ConsoleAsync(IBrowser browser, ChannelHost host, string userName, List<string> errors)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        Watch(page, errors);
        await page.GotoAsync(host.Address + "console");
        await page.Locator("#user-name").FillAsync(userName);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("body[data-hub='connected']").WaitForAsync(new() { Timeout = Patience });
        return page;
    }

    private static void Watch(IPage page, List<string> errors)
    {
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        page.Console += (_, message) =>
        {
            // The console asks /api/staff/me before sign-in; that 401 is how it learns to show the form.
            if (message.Type == "error" && !message.Text.Contains("status of 401", StringComparison.Ordinal)) errors.Add($"{page.Url}: {message.Text}");
        };
    }

    private static async Task SayAsync(IPage citizen, string text)
    {
        var input = citizen.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static Task See(IPage page, string text) =>
        page.GetByText(text).First.WaitForAsync(new LocatorWaitForOptions { Timeout = Patience });

    [GeneratedRegex(@"[A-Z]+-\d{8}-\d{4}")]
    private static partial Regex TicketNumber();
}
