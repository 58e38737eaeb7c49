using Microsoft.Playwright;
using SupportBot.Bot.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Bot.Tests.WebChat;

/// <summary>
/// The chat page at <c>/</c> in Debian's Chromium against the real host on 127.0.0.1 with a SQLite store
/// (issue 5, points 5 and 6a): the official Web Chat bundle, our Direct Line server over a WebSocket, the
/// HEAP conversation partly by suggested actions, and a reload that resumes the same conversation.
/// These tests fail, never skip, when Chromium is missing: ./test.sh installs it.
/// </summary>
public sealed class WebChatPageTests(WebChatBrowser browser) : IClassFixture<WebChatBrowser>
{
    private const string Story = "my order 4411 arrived with a cracked screen and I need it by Friday";

    [Fact]
    public async Task Page_HeapConversationBySuggestedActions_EndsWithTicketReference()
    {
        await using var host = await StartHostAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 900 } });
        var problems = WatchForProblems(context);
        var chat = new WebChatPage(await context.NewPageAsync());

        await chat.Page.GotoAsync(host.Client.BaseAddress!.ToString());
        await Expect(chat.Page).ToHaveTitleAsync("Alder & Finch support");
        await HoldHeapConversationAsync(chat);
        await chat.ExpectOnlineAsync();
        await chat.ScreenshotAsync("conversation");

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Page_Reload_ResumesConversationAndReplaysHistoryOnce()
    {
        await using var host = await StartHostAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 900 } });
        var problems = WatchForProblems(context);
        var chat = new WebChatPage(await context.NewPageAsync());
        await chat.Page.GotoAsync(host.Client.BaseAddress!.ToString());
        await HoldHeapConversationAsync(chat);
        var conversationId = await chat.SavedConversationAsync();

        await chat.Page.ReloadAsync();

        // The last reply replays last: once it shows, the whole history has arrived.
        await chat.ExpectBubbleAsync(WebChatPage.TicketReference());
        await chat.ExpectOnlineAsync();
        await chat.ScreenshotAsync("after-reload");
        Assert.NotNull(conversationId);
        Assert.Equal(conversationId, await chat.SavedConversationAsync());
        Assert.Equal(1, await chat.CountExactAsync("hi"));
        Assert.Equal(1, await chat.CountExactAsync(Story));
        Assert.Equal(1, await chat.CountExactAsync("Yes"));
        Assert.Equal(1, await chat.CountExactAsync("Replacement"));
        Assert.Equal(1, await chat.CountContainingAsync("What can I help you with today?"));
        Assert.Equal(1, await chat.CountContainingAsync("Is that right?"));
        Assert.Equal(1, await chat.CountContainingAsync(HeapReplies.RemedyQuestion));
        Assert.Equal(8, await chat.Bubbles.CountAsync());

        // The resumed conversation still works.
        await chat.SendAsync("thanks");
        Assert.Empty(problems);
    }

    private static async Task HoldHeapConversationAsync(WebChatPage chat)
    {
        await chat.SendAsync("hi");
        await chat.ExpectBubbleAsync("What can I help you with today?");

        await chat.SendAsync(Story);
        await chat.ExpectBubbleAsync("Is that right?");

        await chat.ClickSuggestedActionAsync("Yes");
        await chat.ExpectBubbleAsync(HeapReplies.RemedyQuestion);

        await chat.ClickSuggestedActionAsync("Replacement");
        await chat.ExpectBubbleAsync(WebChatPage.TicketReference());
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
            lock (problems)
            {
                problems.Add($"request failed: {request.Method} {request.Url} {request.Failure}");
            }
        };
        return problems;
    }

    private static Task<BotTestServer> StartHostAsync() => BotTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:DataFolder"] = RepoPaths.NewTempFolder(),
    });
}
