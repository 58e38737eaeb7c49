using Microsoft.Playwright;
using SupportBot.Bot.Tests.WebChat;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Bot.Tests.AgentDesk;

/// <summary>The agent desk as an agent uses it. Every wait is Playwright's auto-waiting with a generous timeout.</summary>
internal sealed class DeskPage(IPage page)
{
    public IPage Page => page;

    public ILocator QueueItems => page.Locator("#queue .queue-item");

    public ILocator Messages => page.Locator("#transcript .msg");

    public ILocator Status => page.Locator("#chat-status");

    public async Task SignInAsync(Uri baseAddress, string agent = "ana", string password = DeskTestHost.AnaPassword, bool live = true)
    {
        await page.GotoAsync(new Uri(baseAddress, "/agent").ToString());
        await Expect(page).ToHaveURLAsync(new Uri(baseAddress, "/agent/signin").ToString(), new() { Timeout = WebChatPage.Timeout });
        await page.Locator("#agent").FillAsync(agent);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#me")).ToContainTextAsync("Signed in as", new() { Timeout = WebChatPage.Timeout });
        if (live)
        {
            await Expect(page.Locator("#live")).ToHaveTextAsync("Live", new() { Timeout = WebChatPage.Timeout });
        }
    }

    public async Task OpenCaseAsync(string hasText)
    {
        var item = QueueItems.Filter(new() { HasText = hasText });
        await item.First.ClickAsync(new() { Timeout = WebChatPage.Timeout });
    }

    public Task ExpectStatusAsync(string text) =>
        Expect(Status).ToHaveTextAsync(text, new() { Timeout = WebChatPage.Timeout });

    /// <summary>Waits for a transcript line of <paramref name="role"/> whose text is exactly <paramref name="text"/>.</summary>
    public Task ExpectMessageAsync(string role, string text) =>
        Expect(page.Locator($"#transcript .msg.{role} .text").Filter(new() { HasText = text }).Last)
            .ToHaveTextAsync(text, new() { Timeout = WebChatPage.Timeout });

    public async Task SendAsync(string text)
    {
        await page.Locator("#reply").FillAsync(text, new() { Timeout = WebChatPage.Timeout });
        await page.Locator("#reply").PressAsync("Enter");
    }

    /// <summary>Saves a screenshot under the test output folder, <c>TestResults/desk-{name}.png</c>; answers the path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", $"desk-{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
