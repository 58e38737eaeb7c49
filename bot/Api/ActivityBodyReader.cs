using Microsoft.AspNetCore.Http.Features;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Api;

/// <summary>Reads a request body as one activity's text, with Kestrel refusing anything larger before it is buffered.</summary>
internal static class ActivityBodyReader
{
    /// <summary>The body as a string.</summary>
    /// <exception cref="InvalidActivityException">The body is larger than one activity may be.</exception>
    public static async Task<string> ReadAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ActivityJson.MaxActivityUtf8Bytes;
        }

        try
        {
            return await ActivityJson.ReadBodyAsync(context.Request.Body, context.Request.ContentLength, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ActivityJson.TooBig();
        }
    }
}
