using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Bot.Tests.WebChat;

/// <summary>
/// The chat page as a customer uses it: type and send, click a suggested action, read the transcript.
/// Every wait is Playwright's auto-waiting with a timeout (the machine is shared), never a sleep.
/// </summary>
internal sealed partial class WebChatPage(IPage page)
{
    public const float Timeout = 30_000;

    public static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = Timeout };

    public IPage Page => page;

    /// <summary>Messages as rendered by Web Chat (bot and customer bubbles).</summary>
    public ILocator Bubbles => page.Locator(".webchat__bubble__content");

    /// <summary>
    /// Types <paramref name="text"/> and presses Enter once Web Chat is online (an Enter pressed while it is still
    /// connecting can be dropped, leaving the text in the box), then waits for the customer's bubble.
    /// </summary>
    public async Task SendAsync(string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await Expect(input).ToBeEditableAsync(new() { Timeout = Timeout });
        await ExpectOnlineAsync();
        await input.FillAsync(text, new() { Timeout = Timeout });
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync(string.Empty, new() { Timeout = Timeout });
        await ExpectBubbleAsync(text);
    }

    public async Task ClickSuggestedActionAsync(string title)
    {
        var button = page.Locator(".webchat__suggested-action").Filter(new() { HasText = title });
        await button.First.ClickAsync(new() { Timeout = Timeout });
        await ExpectBubbleAsync(title);
    }

    public Task ExpectBubbleAsync(string text) =>
        Expect(Bubbles.Filter(new() { HasText = text }).Last).ToBeVisibleAsync(Visible);

    public Task ExpectBubbleAsync(Regex text) =>
        Expect(Bubbles.Filter(new() { HasTextRegex = text }).Last).ToBeVisibleAsync(Visible);

    /// <summary>How many bubbles read exactly <paramref name="text"/> (trimmed).</summary>
    public async Task<int> CountExactAsync(string text) =>
        (await Bubbles.AllInnerTextsAsync()).Count(t => string.Equals(t.Trim(), text, StringComparison.Ordinal));

    /// <summary>How many bubbles contain <paramref name="text"/>.</summary>
    public async Task<int> CountContainingAsync(string text) =>
        (await Bubbles.AllInnerTextsAsync()).Count(t => t.Contains(text, StringComparison.Ordinal));

    public Task<string?> SavedConversationAsync() =>
        page.EvaluateAsync<string?>("() => { const k = Object.keys(sessionStorage).find(k => k.startsWith('alder-finch-webchat:')); return k ? JSON.parse(sessionStorage.getItem(k)).conversationId : null; }");

    /// <summary>Saves a screenshot under the test output folder, <c>TestResults/webchat-{name}.png</c>; answers the path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", $"webchat-{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Waits until Web Chat shows no connectivity notice ("Connecting…"): the socket is online.</summary>
    public Task ExpectOnlineAsync() =>
        Expect(page.Locator(".webchat__connectivityStatus")).ToBeHiddenAsync(new() { Timeout = Timeout });

    [GeneratedRegex(@"T-\d+")]
    public static partial Regex TicketReference();
}
