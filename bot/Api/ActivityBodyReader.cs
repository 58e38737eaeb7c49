using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Api;

/// <summary>Reads a request body as text without ever holding more than one activity's worth of it.</summary>
internal static class ActivityBodyReader
{
    /// <summary>
    /// The byte limit for one body: a UTF-16 char takes at most 3 UTF-8 bytes, so any body within
    /// <see cref="ActivityJson.MaxActivityChars"/> fits, and Kestrel refuses anything larger before it is buffered.
    /// </summary>
    public const long MaxBodyBytes = 4L * ActivityJson.MaxActivityChars;

    /// <summary>The body as a string.</summary>
    /// <exception cref="InvalidActivityException">The body is larger than one activity may be.</exception>
    public static async Task<string> ReadAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw TooBig();
        }

        var text = new StringBuilder();
        var buffer = ArrayPool<char>.Shared.Rent(16 * 1024);
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                // Stop at the first char past the limit: the rest of the body is never read into memory.
                if (text.Length + read > ActivityJson.MaxActivityChars)
                {
                    throw TooBig();
                }

                text.Append(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooBig();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return text.ToString();
    }

    private static InvalidActivityException TooBig() => new(ErrorCodes.MessageSizeTooBig,
        $"The activity is larger than {ActivityJson.MaxActivityChars} characters.");
}
