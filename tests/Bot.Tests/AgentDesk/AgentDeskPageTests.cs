using Microsoft.Playwright;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.WebChat;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Bot.Tests.AgentDesk;

/// <summary>
/// The agent desk in Debian's Chromium against the real host (SQLite store) with a customer on the real Web Chat
/// page (issue 6, points 4 and 5): queue → accept → the agent's reply reaches Web Chat → the customer's answer
/// appears in the desk → resolve → the bot asks the rating question. And customer text with script and markup
/// is shown literally, never run. These tests fail, never skip, when Chromium is missing: ./test.sh installs it.
/// </summary>
public sealed class AgentDeskPageTests(WebChatBrowser browser) : IClassFixture<WebChatBrowser>
{
    private static readonly BrowserNewContextOptions Wide = new() { ViewportSize = new() { Width = 1400, Height = 900 } };

    [Fact]
    public async Task Desk_WebChatCustomerAsksForPerson_AcceptReplyAnswerResolve_RatingQuestion()
    {
        await using var host = await StartHostAsync();
        await using var customerContext = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 900 } });
        await using var agentContext = await browser.Browser.NewContextAsync(Wide);
        var deskProblems = WatchForProblems(agentContext);
        var chat = new WebChatPage(await customerContext.NewPageAsync());
        var desk = new DeskPage(await agentContext.NewPageAsync());
        await desk.SignInAsync(host.BaseAddress);
        await Expect(desk.Page.Locator("#queue-empty")).ToBeVisibleAsync(WebChatPage.Visible);

        // The customer asks for a person in Web Chat.
        await chat.Page.GotoAsync(host.BaseAddress.ToString());
        await chat.SendAsync("hi");
        await chat.ExpectBubbleAsync("What can I help you with today?");
        await chat.SendAsync("my order 4411 arrived with a cracked screen");
        await chat.SendAsync("I want to talk to a person");
        await chat.ExpectBubbleAsync("bringing in a person");

        // The desk's queue shows it live (Server-Sent Events), with its reason and channel.
        await Expect(desk.QueueItems).ToHaveCountAsync(1, new() { Timeout = WebChatPage.Timeout });
        await Expect(desk.QueueItems.First).ToContainTextAsync("Asked for a person", new() { Timeout = WebChatPage.Timeout });
        await Expect(desk.QueueItems.First).ToContainTextAsync("directline");
        await Expect(desk.QueueItems.First).ToContainTextAsync("waiting");
        await desk.OpenCaseAsync("Asked for a person");
        await desk.ExpectStatusAsync("Waiting for an agent");
        await desk.ExpectMessageAsync("customer", "I want to talk to a person");
        await Expect(desk.Page.Locator("#context .mood-chart circle").First).ToBeVisibleAsync(WebChatPage.Visible);
        await Expect(desk.Page.Locator("#context")).ToContainTextAsync("4411");

        // Accept: the customer hears the agent join.
        await desk.Page.Locator("#accept").ClickAsync();
        await desk.ExpectStatusAsync("With Ana Lopez");
        await chat.ExpectBubbleAsync("this is Ana Lopez");

        // The agent's reply reaches the customer's Web Chat.
        // (No apostrophes or dashes: Web Chat's Markdown typesets them as curly quotes and dashes.)
        const string Reply = "Sorry about the screen. A courier can collect it tomorrow morning, does that work?";
        await desk.SendAsync(Reply);
        await desk.ExpectMessageAsync("agent", Reply);
        await chat.ExpectBubbleAsync(Reply);

        // The customer's answer appears in the desk without a reload.
        const string Answer = "Yes, tomorrow morning works, thank you Ana";
        await chat.SendAsync(Answer);
        await desk.ExpectMessageAsync("customer", Answer);
        await desk.ScreenshotAsync("with-agent");

        // Resolve: the bot takes the conversation back and asks the rating question.
        await desk.Page.Locator("#resolve").ClickAsync();
        await desk.ExpectStatusAsync("Resolved");
        await chat.ExpectBubbleAsync("How would you rate the help you got");
        await Expect(desk.Page.Locator("#queue-empty")).ToBeVisibleAsync(WebChatPage.Visible);
        await desk.ScreenshotAsync("resolved");
        await chat.ScreenshotAsync("handoff-resolved");

        Assert.Empty(deskProblems);
    }

    [Fact]
    public async Task Desk_ScriptAndMarkupFromCustomer_ShownLiterallyNeverRun()
    {
        await using var host = await StartHostAsync();
        await using var agentContext = await browser.Browser.NewContextAsync(Wide);
        var deskProblems = WatchForProblems(agentContext);
        var desk = new DeskPage(await agentContext.NewPageAsync());
        var dialogs = 0;
        desk.Page.Dialog += (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            _ = dialog.DismissAsync();
        };
        await desk.SignInAsync(host.BaseAddress);

        string[] payloads =
        [
            "<script>window.__pwned = 'script'; alert(1)</script>",
            "<img src=x onerror=\"window.__pwned = 'img'; alert(2)\">",
            "<b>bold</b> &amp; <a href=\"javascript:window.__pwned='link'\">click</a> <svg onload=\"window.__pwned='svg'\"></svg>",
        ];
        const string Name = "<img src=x onerror=\"window.__pwned='name'\">Mallory";
        using var customer = await host.CustomerAsync();
        foreach (var payload in payloads)
        {
            await customer.PostAsync(payload, Name);
        }

        await customer.PostAsync("my order 4411 </textarea><script>window.__pwned='order'</script> is broken, I want to talk to a person", Name);
        await customer.WaitForAsync("bringing in a person");

        await Expect(desk.QueueItems).ToHaveCountAsync(1, new() { Timeout = WebChatPage.Timeout });
        await desk.QueueItems.First.ClickAsync();
        foreach (var payload in payloads)
        {
            await desk.ExpectMessageAsync("customer", payload);
        }

        // And live, while the case waits.
        const string Live = "<iframe src=\"javascript:window.top.__pwned='iframe'\"></iframe><style>body{display:none}</style>";
        await customer.PostAsync(Live, Name);
        await desk.ExpectMessageAsync("customer", Live);
        // Shown once: the live event and the stored transcript carry the same activity id.
        await desk.QueueItems.First.ClickAsync();
        await desk.ExpectMessageAsync("customer", Live);
        Assert.Equal(1, await desk.Page.Locator("#transcript .msg.customer .text").Filter(new() { HasText = "<iframe" }).CountAsync());
        await desk.ScreenshotAsync("markup-literal");

        foreach (var region in new[] { "#queue", "#transcript", "#context", "#chat-title" })
        {
            Assert.Equal(0, await desk.Page.Locator($"{region} img, {region} script, {region} b, {region} a, {region} iframe, {region} style, {region} svg:not(.mood-chart)").CountAsync());
        }

        Assert.Null(await desk.Page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        Assert.True(await desk.Page.Locator("body").IsVisibleAsync());
        Assert.Empty(deskProblems);
    }

    [Fact]
    public async Task Desk_AnotherAgentWonTheAccept_ShowsWhoHasIt()
    {
        await using var host = await StartHostAsync();
        await using var benContext = await browser.Browser.NewContextAsync(Wide);
        var ben = new DeskPage(await benContext.NewPageAsync());
        using var customer = await host.CustomerAsync();
        await customer.PostAsync("I want to talk to a person");
        await customer.WaitForAsync("bringing in a person");
        // Ben's desk hears no live updates, so it still offers Accept when Ana takes the case.
        await ben.Page.RouteAsync("**/agent/api/events", route => route.AbortAsync());
        await ben.SignInAsync(host.BaseAddress, "ben", DeskTestHost.BenPassword, live: false);
        await ben.OpenCaseAsync("H-");
        await ben.ExpectStatusAsync("Waiting for an agent");
        var (ana, _) = await host.SignInAsync();
        var id = await ben.QueueItems.First.GetAttributeAsync("data-case-id");
        using (var accepted = await ana.PostAsync($"/agent/api/cases/{id}/accept", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
        {
            accepted.EnsureSuccessStatusCode();
        }

        await ben.Page.Locator("#accept").ClickAsync();

        await Expect(ben.Page.Locator("#notice")).ToHaveTextAsync($"Ana Lopez already has {id}.", new() { Timeout = WebChatPage.Timeout });
        await ben.ExpectStatusAsync("With Ana Lopez");
        await Expect(ben.Page.Locator("#accept")).ToBeHiddenAsync(new() { Timeout = WebChatPage.Timeout });
        await Expect(ben.Page.Locator("#composer")).ToBeHiddenAsync();
        await Expect(ben.QueueItems.First).ToContainTextAsync("with Ana Lopez");
        ana.Dispose();
    }

    /// <summary>Console errors (a CSP violation among them) and failed requests, collected for the assertion.</summary>
    private static List<string> WatchForProblems(IBrowserContext context)
    {
        var problems = new List<string>();
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (problems)
                {
                    problems.Add("console: " + message.Text);
                }
            }
        };
        context.RequestFailed += (_, request) =>
        {
            // The event stream is cut when the test closes the page; anything else failing is a problem.
            if (!request.Url.EndsWith("/agent/api/events", StringComparison.Ordinal))
            {
                lock (problems)
                {
                    problems.Add($"request failed: {request.Method} {request.Url} {request.Failure}");
                }
            }
        };
        return problems;
    }

    private static Task<DeskTestHost> StartHostAsync() => DeskTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = RepoPaths.NewTempFolder(),
    });
}
