using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using SupportBot.Core.Schema;

namespace SupportBot.Bot.Api;

/// <summary>
/// Reads a request body as one activity, straight from Kestrel's UTF-8 buffers (no text copy of the body), with
/// Kestrel refusing anything larger than an activity may be before it is buffered.
/// </summary>
internal static class ActivityBodyReader
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The activity in the body.</summary>
    /// <exception cref="InvalidActivityException">The body is too large, not JSON, or not an activity.</exception>
    public static async Task<Activity> ReadAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ActivityJson.MaxActivityUtf8Bytes;
        }

        if (context.Request.ContentLength > ActivityJson.MaxActivityUtf8Bytes)
        {
            throw ActivityJson.TooBig();
        }

        var reader = context.Request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                if (buffer.Length > ActivityJson.MaxActivityUtf8Bytes)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    throw ActivityJson.TooBig();
                }

                if (read.IsCompleted)
                {
                    try
                    {
                        return Parse(buffer);
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.End);
                    }
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw ActivityJson.TooBig();
        }
    }

    private static Activity Parse(ReadOnlySequence<byte> body)
    {
        if (body.Length >= 3 && body.FirstSpan.Length >= 3 && body.FirstSpan[..3].SequenceEqual(Utf8Bom))
        {
            body = body.Slice(3);
        }

        // The limit is in characters (PROTOCOLS.md §1): only a body with more bytes than that can exceed it.
        if (body.Length > ActivityJson.MaxActivityChars && CharCount(body) > ActivityJson.MaxActivityChars)
        {
            throw ActivityJson.TooBig();
        }

        Activity? activity;
        try
        {
            var json = new Utf8JsonReader(body);
            activity = JsonSerializer.Deserialize(ref json, CoreJsonContext.Default.Activity);
        }
        catch (JsonException ex)
        {
            throw new InvalidActivityException(ErrorCodes.BadSyntax, $"The body is not valid activity JSON: {ex.Message}");
        }

        return activity ?? throw new InvalidActivityException(ErrorCodes.BadArgument, "The body is empty.");
    }

    private static long CharCount(ReadOnlySequence<byte> body)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        long count = 0;
        foreach (var segment in body)
        {
            count += decoder.GetCharCount(segment.Span, flush: false);
        }

        return count + decoder.GetCharCount([], flush: true);
    }
}
