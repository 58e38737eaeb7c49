using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;

namespace SupportBot.Bot.AgentDesk;

/// <summary>
/// The desk's two HTML pages, <c>wwwroot/agent/index.html</c> and <c>signin.html</c>, served with a per-response
/// Content-Security-Policy nonce (as the chat page is). Templates hold placeholders only for values the server
/// made (nonce, antiforgery token) and for its own messages, all HTML-encoded; customer text never passes here.
/// </summary>
internal sealed class DeskPages(IFileProvider webRoot)
{
    public const string NoncePlaceholder = "__CSP_NONCE__";
    public const string TokenPlaceholder = "__ANTIFORGERY_TOKEN__";
    public const string MessagePlaceholder = "__MESSAGE__";
    public const string AgentPlaceholder = "__AGENT__";

    private readonly Lazy<string> _desk = new(() => Read(webRoot, "agent/index.html"));
    private readonly Lazy<string> _signIn = new(() => Read(webRoot, "agent/signin.html"));

    public IResult Desk(HttpContext context) => Render(context, _desk.Value, new Dictionary<string, string>());

    public IResult SignIn(HttpContext context, string antiforgeryToken, string? message, string? agentId, int statusCode = StatusCodes.Status200OK) =>
        Render(context, _signIn.Value, new Dictionary<string, string>
        {
            [TokenPlaceholder] = antiforgeryToken,
            [MessagePlaceholder] = message ?? string.Empty,
            [AgentPlaceholder] = agentId ?? string.Empty,
        }, statusCode);

    /// <summary>Only this host; scripts only from it and with this response's nonce; no inline styles, no frames.</summary>
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self'; " +
        "img-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static IResult Render(HttpContext context, string template, IReadOnlyDictionary<string, string> values, int statusCode = StatusCodes.Status200OK)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        var html = template.Replace(NoncePlaceholder, nonce, StringComparison.Ordinal);
        foreach (var (placeholder, value) in values)
        {
            html = html.Replace(placeholder, WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        return TypedResults.Text(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    private static string Read(IFileProvider webRoot, string path)
    {
        var file = webRoot.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The agent desk page wwwroot/{path} is missing next to the binary.", path);
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
