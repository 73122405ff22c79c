using Bot.Host.Conversations;
using Bot.Tests.Host.Channels;
using Bot.Tests.Host.Channels.WebPage;
using Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bot.Tests.Host.Consoles;

/// <summary>
/// Two hosts on one PostgreSQL database: a specialist's console is connected to host B while the citizen's turns run
/// on host A. Presence is shared through the store, and the console hears about the citizen through the notice bus
/// (PostgreSQL LISTEN/NOTIFY) — SignalR alone would only reach consoles on the host that ran the turn.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoHostConsoleTests(PostgresCluster postgres)
{
    private const float Patience = 20_000;

    [Fact]
    public async Task A_console_on_one_host_sees_the_queue_and_the_chat_of_a_citizen_served_by_another_host()
    {
        using var database = await TestDatabase.CreateAsync("postgres", postgres);
        var settings = ChannelHost.Settings(database.HostSettings(), new() { ["Staff:DevelopmentAccounts"] = "true" });
        await using var hostB = new ChannelHost(settings, echoBot: false, ShiftedTimeProvider.MondayMorning()).StartKestrel();
        await using var hostA = new GovDoorplateFactory(database.HostSettings(), ShiftedTimeProvider.MondayMorning(),
            services => services.AddSingleton<IActivitySink>(new CapturingSink()));
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var errors = new List<string>();
            var console = await ConsoleJourneyTests.ConsoleAsync(browser, hostB, "specialist", errors);
            Assert.True(await console.Locator("#queue-empty").IsVisibleAsync());

            // Host A knows the specialist on host B is online, so it queues the citizen…
            var chat = new Chat(hostA.Services);
            var queued = await chat.SayAsync("转人工");
            Assert.Contains("正在为您转接帮办导办专员", queued.AllText());

            // …and host B's console hears of it without reloading.
            var waiting = console.Locator("#queue li").Filter(new() { HasText = "市民要求人工" });
            await waiting.WaitForAsync(new() { Timeout = Patience });
            await waiting.GetByRole(AriaRole.Button, new() { Name = "接入" }).ClickAsync();
            await console.Locator("#chat-input").WaitForAsync(new() { Timeout = Patience });

            // The citizen's next message is a turn on host A; the specialist reads it on host B.
            Assert.Empty(await chat.SayAsync("我想问问灵活就业社保怎么交"));
            await console.Locator("#messages li.citizen").Filter(new() { HasText = "我想问问灵活就业社保怎么交" })
                .WaitForAsync(new() { Timeout = Patience });
            await Browser.ScreenshotAsync(console, "console-two-hosts");
            Assert.Empty(errors);
        }
    }
}
