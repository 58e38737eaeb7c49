using System.Net;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.WebChat;

/// <summary>What the host serves for the chat page (issue 5, point 5), without a browser.</summary>
public sealed class WebChatHostTests
{
    private const string Secret = "test-secret-never-in-a-browser";

    [Fact]
    public async Task Root_ServesPageWithNonceAndStrictPolicy()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var page = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<meta name=\"csp-nonce\" content=\"{nonce}\">", page);
        Assert.DoesNotContain("__CSP_NONCE__", page);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains($"connect-src 'self' ws://{host.Client.BaseAddress!.Authority};", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("<title>Alder &amp; Finch support</title>", page);
    }

    [Fact]
    public async Task Root_NewNoncePerResponse()
    {
        await using var host = await StartAsync();

        using var first = await host.Client.GetAsync("/");
        using var second = await host.Client.GetAsync("/index.html");

        Assert.NotEqual(first.Headers.GetValues("Content-Security-Policy").Single(), second.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/lib/webchat.js", "text/javascript")]
    [InlineData("/chat.js", "text/javascript")]
    [InlineData("/site.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task StaticFile_ServedWithContentTypeAndNoSniff(string path, string contentType)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Bundle_IsTheOfficialWebChat()
    {
        await using var host = await StartAsync();

        var bundle = await host.Client.GetStringAsync("/lib/webchat.js");

        Assert.True(bundle.Length > 1_000_000, "the self-contained bundle (React included) is several MB");
        Assert.Contains("botframework-webchat", bundle);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/chat.js")]
    public async Task Page_CarriesNoSecret(string path)
    {
        await using var host = await StartAsync();

        var text = await host.Client.GetStringAsync(path);

        Assert.DoesNotContain(Secret, text);
    }

    private static Task<BotTestServer> StartAsync() =>
        BotTestServer.StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:Secret"] = Secret });
}
