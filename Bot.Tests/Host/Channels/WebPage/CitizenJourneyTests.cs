using Bot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bot.Tests.Host.Channels.WebPage;

/// <summary>
/// A citizen on a phone, in real headless Chromium, talking to the real assistant (retrieval, questions, checklist)
/// through Web Chat and Direct Line; screenshots are kept in bin/…/artifacts/webchat.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CitizenJourneyTests(PostgresCluster postgres)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task A_colloquial_request_leads_through_the_situation_buttons_to_a_checklist_card()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()), echoBot: false).StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.PhoneAsync(browser);
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);

            await page.GotoAsync(host.Address + "");
            await See(page, "你可以这样问我");
            var input = page.Locator("[data-id='webchat-sendbox-input']");
            await input.FillAsync("身份证丢了怎么办");
            await input.PressAsync("Enter");
            await See(page, "居民身份证补领");
            await Browser.ScreenshotAsync(page, "journey-1-item-found");

            await Click(page, "材料清单");
            await See(page, "身份证是怎么没的");
            await Click(page, "被偷或被抢");
            await See(page, "您的户口在本县吗");
            foreach (var answer in new[] { "户口在本县", "年满16周岁", "窗口现场免费拍照", "回受理窗口自取" })
                await Click(page, answer);
            await See(page, "材料清单：居民身份证补领");
            await Browser.ScreenshotAsync(page, "journey-2-checklist-card");
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task A_doorplate_deep_link_starts_the_assistant_on_that_item()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        await using var host = new ChannelHost(ChannelHost.Settings(database.HostSettings()), echoBot: false).StartKestrel();
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await Browser.PhoneAsync(browser);

            await page.GotoAsync(host.Address + "d/GA-04");

            await See(page, "出生登记");
            await Browser.ScreenshotAsync(page, "journey-3-doorplate-item");
        }
    }

    /// <summary>Clicks the newest suggested action of that name, waiting for it to appear.</summary>
    private static Task Click(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).Last.ClickAsync(new LocatorClickOptions { Timeout = Patience });

    private static Task See(IPage page, string text) =>
        page.GetByText(text).First.WaitForAsync(new LocatorWaitForOptions { Timeout = Patience });
}
