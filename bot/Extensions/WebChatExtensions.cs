using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace SupportBot.Bot.Extensions;

/// <summary>
/// The chat page at <c>/</c> (issue 5, point 5): <c>wwwroot/index.html</c>, <c>chat.js</c>, <c>site.css</c> and the
/// official Web Chat bundle (<c>wwwroot/lib/webchat.js</c>, copied from <c>webchat/node_modules</c> by the build),
/// all from the binary's folder (the content root, <see cref="BotHostDefaults"/>).
/// </summary>
public static class WebChatExtensions
{
    private const string NoncePlaceholder = "__CSP_NONCE__";

    /// <summary>SHA-256 of the empty string: Web Chat sets one empty inline style, which allows nothing else.</summary>
    private const string EmptyStyleHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    /// <summary>
    /// Serves the page with a per-response Content-Security-Policy nonce (Web Chat puts it on the style
    /// elements it creates) and the static files it loads.
    /// </summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var webRoot = app.Environment.WebRootFileProvider;
        var page = new Lazy<string>(() => ReadPage(webRoot));

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = webRoot,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // The bundle is pinned by version in webchat/package.json; the page's own files change with releases.
                headers.CacheControl = context.File.Name == "webchat.js" ? "public, max-age=86400" : "no-cache";
            },
        });

        app.MapGet("/", (HttpContext context) => Page(context, page.Value)).ExcludeFromDescription();
        app.MapGet("/index.html", (HttpContext context) => Page(context, page.Value)).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext context, string template)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request, nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        return TypedResults.Text(template.Replace(NoncePlaceholder, nonce, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    /// <summary>
    /// Only this host: scripts, styles (plus Web Chat's nonced style elements and an empty inline style), images, and connections to
    /// itself including the Direct Line stream's WebSocket (PROTOCOLS.md §1: the streamUrl is an absolute
    /// ws:// or wss:// URL on this host; after forwarded headers, the public scheme and host).
    /// </summary>
    internal static string ContentSecurityPolicy(HttpRequest request, string nonce)
    {
        var socket = (request.IsHttps ? "wss://" : "ws://") + request.Host.Value;
        return "default-src 'self'; " +
            "script-src 'self'; " +
            $"style-src 'self' 'nonce-{nonce}' 'unsafe-hashes' '{EmptyStyleHash}'; " +
            "img-src 'self' data: blob:; " +
            "font-src 'self'; " +
            $"connect-src 'self' {socket}; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }

    private static string ReadPage(IFileProvider webRoot)
    {
        var file = webRoot.GetFileInfo("index.html");
        if (!file.Exists)
        {
            throw new FileNotFoundException("The chat page wwwroot/index.html is missing next to the binary.", "index.html");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    }
}
