using System.Text.Json;
using Microsoft.Playwright;
using SupportBot.Bot.Tests.Infrastructure;
using SupportBot.Bot.Tests.WebChat;
using SupportBot.Connectors.BotService.Teams.Cards;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Bot.Tests.Teams;

/// <summary>
/// The case card rendered by the official Adaptive Cards renderer (npm <c>adaptivecards</c> 3.0.6, pinned in
/// Teams/cards/package-lock.json, installed by test.sh, with markdown-it for TextBlock markdown) in Debian's
/// Chromium: parsed against schema 1.5 (the newest Teams renders) with no parse or validation events, no page
/// errors or console warnings, and the text an agent needs.
/// </summary>
public sealed class AdaptiveCardRenderTests(WebChatBrowser browser) : IClassFixture<WebChatBrowser>
{
    private static string Modules => Path.Combine(RepoPaths.Root, "tests", "Bot.Tests", "Teams", "cards", "node_modules");

    private static string Bundle => Path.Combine(Modules, "adaptivecards", "dist", "adaptivecards.min.js");

    /// <summary>The markdown processor the renderer uses when present (window.markdownit), as Teams renders markdown.</summary>
    private static string Markdown => Path.Combine(Modules, "markdown-it", "dist", "browser", "markdown-it.umd.min.js");

    [Theory]
    [InlineData(CaseCardState.Waiting, null, "Waiting for an agent", new[] { "Accept", "Return to bot", "Show transcript" })]
    [InlineData(CaseCardState.WithAgent, "Ana Souza", "Accepted by Ana Souza", new[] { "Resolve", "Return to bot", "Show transcript" })]
    [InlineData(CaseCardState.Resolved, "Ana Souza", "Resolved by Ana Souza", new[] { "Show transcript" })]
    [InlineData(CaseCardState.ReturnedToBot, "Ana Souza", "Returned to the bot by Ana Souza", new[] { "Show transcript" })]
    [InlineData(CaseCardState.Failed, null, "Nobody accepted in time", new[] { "Show transcript" })]
    public async Task Render_EveryState_NoErrorsAndExpectedText(CaseCardState state, string? agent, string status, string[] buttons)
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry(state, agent) with { Note = "Replacement sent" }).Card;

        await using var rendered = await RenderAsync(card.ToJsonString());

        Assert.Empty(rendered.Result.Parse);
        Assert.Empty(rendered.Result.Validation);
        var root = rendered.Page.Locator("#card");
        await Expect(root).ToContainTextAsync("Handoff H-1001");
        await Expect(root).ToContainTextAsync(status);
        await Expect(root).ToContainTextAsync("Maya Patel");
        await Expect(root).ToContainTextAsync("directline");
        await Expect(root).ToContainTextAsync("sentiment: mood fell sharply; asked for a person");
        await Expect(root).ToContainTextAsync("Order 4411 arrived with a cracked screen");
        await Expect(root).ToContainTextAsync("falling, +0.10 → −0.80 (very upset)");
        await Expect(root).ToContainTextAsync("This is ridiculous, I want to talk to a real person NOW");
        var titles = await root.Locator("button").AllInnerTextsAsync();
        Assert.Equal(buttons, titles.Select(t => t.Trim()));
        await rendered.ScreenshotAsync($"teams-card-{state}");
        Assert.Empty(rendered.Problems);
    }

    [Fact]
    public async Task Render_ShowTranscript_RevealsWholeConversation()
    {
        // Enough messages that the first ones are only in the transcript, not under "Last messages".
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry(extraLines: 5)).Card;
        await using var rendered = await RenderAsync(card.ToJsonString());
        var transcript = rendered.Page.Locator("#card #transcript");
        var firstBotLine = rendered.Page.Locator("#card").GetByText("Hi, I'm the Alder & Finch assistant. What happened?");

        await Expect(transcript).ToBeHiddenAsync();
        await Expect(firstBotLine).ToBeHiddenAsync();
        await rendered.Page.Locator("#card button", new() { HasText = "Show transcript" }).ClickAsync();

        await Expect(transcript).ToBeVisibleAsync();
        await Expect(firstBotLine).ToBeVisibleAsync();
        await Expect(transcript).ToContainTextAsync("filler message number 4");
        await rendered.ScreenshotAsync("teams-card-transcript");
        Assert.Empty(rendered.Problems);
    }

    [Fact]
    public async Task Render_Accept_ExecutesVerbWithCaseId()
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry()).Card;
        await using var rendered = await RenderAsync(card.ToJsonString());

        await rendered.Page.Locator("#card button", new() { HasText = "Accept" }).ClickAsync();

        var executed = await rendered.Page.EvaluateAsync<string>("() => JSON.stringify(window.executed)");
        Assert.Equal("""[{"type":"Action.Execute","verb":"accept","data":{"caseId":"H-1001"}}]""", executed);
    }

    [Fact]
    public async Task Render_WithAgent_ResolveCarriesNote()
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry(CaseCardState.WithAgent, "Ana Souza")).Card;
        await using var rendered = await RenderAsync(card.ToJsonString());

        await rendered.Page.Locator("#card textarea").FillAsync("Replacement sent today");
        await rendered.Page.Locator("#card button", new() { HasText = "Resolve" }).ClickAsync();

        var executed = await rendered.Page.EvaluateAsync<string>("() => JSON.stringify(window.executed)");
        Assert.Equal("""[{"type":"Action.Execute","verb":"resolve","data":{"caseId":"H-1001","note":"Replacement sent today"}}]""", executed);
    }

    [Fact]
    public async Task Render_LongTranscriptAndMarkup_NoErrorsMarkupShownLiterally()
    {
        const string markup = "<img src=x onerror=\"window.injected=1\"> [click](https://evil.example) **bold**";
        var model = TeamsTestCards.Angry(extraLines: 300) with { CustomerName = "<b>Maya</b>" };
        model = model with { Transcript = [.. model.Transcript, new CaseCardLine("<b>Maya</b>", markup, TeamsTestCards.Start.AddHours(1), true)] };
        var card = CaseCardBuilder.Build(model).Card;

        await using var rendered = await RenderAsync(card.ToJsonString());

        Assert.Empty(rendered.Result.Parse);
        Assert.Empty(rendered.Result.Validation);
        await Expect(rendered.Page.Locator("#card")).ToContainTextAsync(markup);
        Assert.Equal(0, await rendered.Page.Locator("#card img").CountAsync());
        Assert.Equal(0, await rendered.Page.Locator("#card a").CountAsync());
        Assert.False(await rendered.Page.EvaluateAsync<bool>("() => window.injected === 1"));
        Assert.Empty(rendered.Problems);
    }

    [Fact]
    public async Task Render_NewerThanTeamsSupports_IsReported()
    {
        // The check can fail: a 1.6 property (Input.labelPosition) in a card for Teams (1.5) is reported.
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry(CaseCardState.WithAgent, "Ana Souza")).Card;
        var input = CaseCardBuilderTests.Descendants(card).Single(e => (string?)e["type"] == "Input.Text");
        input["labelPosition"] = "inline";

        await using var rendered = await RenderAsync(card.ToJsonString());

        Assert.Contains(rendered.Result.Parse.Concat(rendered.Result.Validation), m => m.Contains("labelPosition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_UnknownElement_IsReported()
    {
        var card = CaseCardBuilder.Build(TeamsTestCards.Angry()).Card;
        card["body"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["type"] = "Whiteboard" });

        await using var rendered = await RenderAsync(card.ToJsonString());

        Assert.Contains(rendered.Result.Parse.Concat(rendered.Result.Validation), m => m.Contains("Whiteboard", StringComparison.Ordinal));
    }

    private async Task<RenderedCard> RenderAsync(string cardJson)
    {
        foreach (var file in new[] { Bundle, Markdown })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException("The adaptivecards renderer is missing: run ./test.sh (npm ci in tests/Bot.Tests/Teams/cards).", file);
            }
        }

        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 700, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };

        await page.SetContentAsync("<!doctype html><html><head><meta charset=\"utf-8\"><style>body{font-family:sans-serif;margin:16px;background:#f5f5f5}#card{width:640px;background:#fff}</style></head><body><div id=\"card\"></div></body></html>");
        await page.AddScriptTagAsync(new() { Path = Markdown });
        await page.AddScriptTagAsync(new() { Path = Bundle });
        var result = await page.EvaluateAsync<JsonElement>(
            """
            (json) => {
              const card = new AdaptiveCards.AdaptiveCard();
              const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
              card.parse(JSON.parse(json), context);
              const parse = [];
              for (let i = 0; i < context.eventCount; i++) { parse.push(context.getEventAt(i).message); }
              const validation = card.validateProperties().validationEvents.map(e => e.message);
              window.executed = [];
              card.onExecuteAction = (action) => window.executed.push({ type: action.getJsonTypeName(), verb: action.verb, data: action.data });
              const element = card.render();
              document.getElementById('card').appendChild(element);
              return { parse, validation };
            }
            """,
            cardJson);
        return new RenderedCard(context, page, new RenderResult(
            result.GetProperty("parse").EnumerateArray().Select(e => e.GetString()!).ToList(),
            result.GetProperty("validation").EnumerateArray().Select(e => e.GetString()!).ToList()), problems);
    }

    private sealed record RenderResult(List<string> Parse, List<string> Validation);

    private sealed record RenderedCard(IBrowserContext Context, IPage Page, RenderResult Result, List<string> Problems) : IAsyncDisposable
    {
        public async Task ScreenshotAsync(string name)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "TestResults", name + ".png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await Page.Locator("#card").ScreenshotAsync(new() { Path = path });
        }

        public ValueTask DisposeAsync() => new(Context.CloseAsync());
    }
}
