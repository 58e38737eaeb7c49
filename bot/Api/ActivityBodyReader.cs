using Microsoft.AspNetCore.Http.Features;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Api;

/// <summary>
/// Reads a request body as one activity (<see cref="ActivityJson.ReadAsync"/>, straight from Kestrel's UTF-8
/// buffers), with Kestrel refusing anything larger than an activity may be before it is buffered.
/// </summary>
internal static class ActivityBodyReader
{
    /// <summary>The activity in the body.</summary>
    /// <exception cref="InvalidActivityException">The body is too large, not JSON, or not an activity.</exception>
    public static async Task<Activity> ReadAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ActivityJson.MaxActivityUtf8Bytes;
        }

        try
        {
            return await ActivityJson.ReadAsync(context.Request.BodyReader, context.Request.ContentLength, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ActivityJson.TooBig();
        }
    }
}
