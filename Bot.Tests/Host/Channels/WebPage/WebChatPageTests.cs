using Bot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bot.Tests.Host.Channels.WebPage;

/// <summary>The citizen page in a real headless Chromium against the host on Kestrel; screenshots are kept in bin/…/artifacts/webchat.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WebChatPageTests(PostgresCluster postgres)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task A_citizen_types_a_request_clicks_through_suggested_actions_to_a_checklist_and_reaches_a_human()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings())).StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.PhoneAsync(browser);
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            page.Response += async (_, response) =>
            {
                if (response.Status >= 400)
                    File.AppendAllText(Path.Combine(Browser.Artifacts, "console.log"), $"{response.Status} {response.Url} {response.Request.PostData} => {await response.TextAsync()}\n");
            };
            page.Console += (_, message) => File.AppendAllText(Path.Combine(Browser.Artifacts, "console.log"), $"{message.Type}: {message.Text}\n");

            await page.GotoAsync(host.Address + "");
            await See(page, "您好，我是数字政务门牌");
            await Browser.ScreenshotAsync(page, "1-greeting");

            var input = page.Locator("[data-id='webchat-sendbox-input']");
            await input.FillAsync("我想开个小饭馆");
            await input.PressAsync("Enter");
            await See(page, "你说：我想开个小饭馆");
            await Browser.ScreenshotAsync(page, "2-reply-with-suggested-actions");

            await page.GetByRole(AriaRole.Button, new() { Name = "查材料清单" }).Last.ClickAsync();
            await See(page, "材料清单（一次告知）");
            await Browser.ScreenshotAsync(page, "3-checklist-card");

            await page.Locator("#to-human").ClickAsync();
            await See(page, "你说：转人工");
            await page.Locator("#large-text").ClickAsync();
            Assert.Equal("true", await page.Locator("#large-text").GetAttributeAsync("aria-pressed"));
            await Browser.ScreenshotAsync(page, "4-large-text-after-handoff-request");

            Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task A_doorplate_deep_link_opens_the_widget_on_its_item()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings())).StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.PhoneAsync(browser);

            await page.GotoAsync(host.Address + "d/GA-04");
            await See(page, "您扫的是门牌 GA-04");
            await Browser.ScreenshotAsync(page, "5-doorplate-deep-link");
            var unknown = await page.GotoAsync(host.Address + "d/NO-SUCH-ID");

            Assert.Equal(404, unknown!.Status);
            var plate = await page.GotoAsync(host.Address + "doorplates/GA-04");
            Assert.Equal(200, plate!.Status);
            await page.Locator(".doorplate-qr img").WaitForAsync();
            await Browser.ScreenshotAsync(page, "6-printable-doorplate");
        }
    }

    private static Task See(IPage page, string text) =>
        page.GetByText(text).First.WaitForAsync(new LocatorWaitForOptions { Timeout = Patience });
}
