using System.Text.Json;
using SupportBot.Bot.Tests.WebChat;
using SupportBot.Connectors.BotService.Teams.Cards;
using SupportBot.Core.Handoff;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Bot.Tests.Teams;

/// <summary>
/// End to end (issue 6, point 5): an angry customer on the real chat page (official Web Chat in Debian's
/// Chromium, our Direct Line server) is escalated; the Teams thread on the Bot Connector test server receives the
/// case card with the transcript; an agent accepts on the card and writes in the thread (posted to
/// <c>/api/messages</c> as Teams posts it), and the words appear in the customer's Web Chat.
/// </summary>
public sealed class TeamsEndToEndTests(WebChatBrowser browser) : IClassFixture<WebChatBrowser>
{
    private const string Story = "my order 4411 arrived with a cracked screen and I need it by Friday";

    [Fact]
    public async Task AngryWebChatCustomer_TeamsThreadGetsCard_AgentReplyReachesWebChat()
    {
        await using var host = await TeamsHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 900, Height = 900 } });
        var chat = new WebChatPage(await context.NewPageAsync());
        await chat.Page.GotoAsync(host.Address.ToString());

        // The customer tells the story and loses patience.
        await chat.SendAsync("hi");
        await chat.ExpectBubbleAsync("What can I help you with today?");
        await chat.SendAsync(Story);
        await chat.ExpectBubbleAsync("Is that right?");
        await chat.SendAsync("THIS IS RIDICULOUS!!! Third time I'm writing. I want to talk to a real person NOW, this is a disgrace");
        await chat.ExpectBubbleAsync("bringing in a person");

        // The support channel gets a new thread whose card carries the context and the transcript.
        var create = await host.WaitForThreadAsync();
        var card = create.Activity!.Attachments!.Single().Content!.Value;
        var cardText = card.GetRawText();
        Assert.Contains("Waiting for an agent", cardText);
        Assert.Contains("directline", cardText);
        Assert.Contains(Story, cardText);
        Assert.Contains("What can I help you with today?", cardText); // the bot's side of the transcript too
        Assert.Contains("THIS IS RIDICULOUS!!!", cardText);
        var handoffCase = await WaitForCaseAsync(host, c => c.HubData.ContainsKey("teams.conversationId"));
        var threadId = handoffCase.HubData["teams.conversationId"];
        Assert.Equal("directline", handoffCase.ChannelId);

        // Ana accepts on the card and answers in the thread, @mentioning the bot as Teams users do.
        var (_, accepted) = await host.PostFromTeamsAsync(host.Payloads.CardAction(threadId, CaseCardVerbs.Accept, handoffCase.Id, "Ana Souza", "aad-ana"));
        Assert.Contains("Accepted by Ana Souza", accepted!.Value.GetProperty("value").GetRawText());
        await chat.ExpectBubbleAsync("Ana Souza");
        var (status, _) = await host.PostFromTeamsAsync(host.Payloads.ThreadMessage(threadId, "<at>SupportBot</at> Hi, I'm Ana. I'm so sorry: a courier collects the phone tomorrow and the replacement ships today.", "Ana Souza", "aad-ana"));
        Assert.Equal(200, status);

        await chat.ExpectBubbleAsync("a courier collects the phone tomorrow and the replacement ships today.");
        Assert.Equal(0, await chat.CountContainingAsync("<at>"));
        Assert.Equal(0, await chat.CountContainingAsync("SupportBot</at>"));

        // The customer's answer lands in the Teams thread.
        await chat.SendAsync("thank you Ana, that works");
        await host.WaitForThreadMessageAsync(threadId, "thank you Ana, that works");
        await chat.ScreenshotAsync("teams-handoff-customer");
        await Expect(chat.Bubbles.Filter(new() { HasText = "replacement ships today" })).ToHaveCountAsync(1, new() { Timeout = WebChatPage.Timeout });
    }

    private static async Task<HandoffCase> WaitForCaseAsync(TeamsHost host, Func<HandoffCase, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var handoffCase in await host.Handoff.ListAsync())
            {
                if (condition(handoffCase))
                {
                    return handoffCase;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No handoff case reached the expected state. Cases: " + JsonSerializer.Serialize((await host.Handoff.ListAsync()).Select(c => c.Id + " " + c.Status)));
    }
}
