using Microsoft.Playwright;

namespace SupportBot.Bot.Tests.WebChat;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver (node + package from the NuGet package, so nothing
/// is downloaded; never <c>playwright install</c>). Missing Chromium fails the tests: test.sh installs it.
/// </summary>
public sealed class WebChatBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}: run ./test.sh (it installs it) or 'apt-get install -y chromium'.",
                ChromiumPath);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
