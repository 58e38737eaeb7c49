using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace SupportBot.Core.Schema;

/// <summary>Reads and writes activities as JSON, with the checks every inbound activity must pass.</summary>
public static class ActivityJson
{
    /// <summary>A serialised activity may be at most this many characters (PROTOCOLS.md §1).</summary>
    public const int MaxActivityChars = 256 * 1024;

    /// <summary>
    /// The most UTF-8 bytes a body within <see cref="MaxActivityChars"/> can take (a UTF-16 char is at most
    /// 3 bytes): hosts set it as the request-size limit so nothing larger is ever buffered.
    /// </summary>
    public const long MaxActivityUtf8Bytes = 4L * MaxActivityChars;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads one activity from a request body straight from its UTF-8 buffers (no text copy), never holding
    /// more than the limit: a declared or actual size past it throws <see cref="InvalidActivityException"/>
    /// (MessageSizeTooBig) at once; a body that is not activity JSON throws BadSyntax, an empty one BadArgument.
    /// </summary>
    public static async Task<Activity> ReadAsync(PipeReader body, long? contentLength, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (contentLength > MaxActivityUtf8Bytes)
        {
            throw TooBig();
        }

        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > MaxActivityUtf8Bytes)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                throw TooBig();
            }

            if (read.IsCompleted)
            {
                try
                {
                    return Parse(buffer);
                }
                finally
                {
                    body.AdvanceTo(buffer.End);
                }
            }

            // Nothing consumed, everything examined: the next read waits for more of the body.
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>The error for a body past the size limit.</summary>
    public static InvalidActivityException TooBig() =>
        new(ErrorCodes.MessageSizeTooBig, $"The activity is larger than {MaxActivityChars} characters.");

    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, CoreJsonContext.Default.Activity);

    public static byte[] SerializeToUtf8(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, CoreJsonContext.Default.Activity);

    /// <summary>Parses one activity; throws <see cref="InvalidActivityException"/> for anything unusable.</summary>
    public static Activity Deserialize(string json)
    {
        if (json.Length > MaxActivityChars)
        {
            throw new InvalidActivityException(ErrorCodes.MessageSizeTooBig,
                $"The activity is {json.Length} characters; the limit is {MaxActivityChars}.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(json, CoreJsonContext.Default.Activity);
        }
        catch (JsonException ex)
        {
            throw new InvalidActivityException(ErrorCodes.BadSyntax, $"The body is not valid activity JSON: {ex.Message}");
        }

        return activity ?? throw new InvalidActivityException(ErrorCodes.BadArgument, "The body is empty.");
    }

    private static Activity Parse(ReadOnlySequence<byte> body)
    {
        if (body.FirstSpan.StartsWith(Utf8Bom))
        {
            body = body.Slice(Utf8Bom.Length);
        }

        // The limit is in characters (PROTOCOLS.md §1): only a body with more bytes than that can exceed it.
        if (body.Length > MaxActivityChars && CharCount(body) > MaxActivityChars)
        {
            throw TooBig();
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

    /// <summary>Checks the fields a turn cannot run without (PROTOCOLS.md §2).</summary>
    public static void Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            throw new InvalidActivityException(ErrorCodes.BadArgument, "The activity has no 'type'.");
        }

        if (!ActivityTypes.IsKnown(activity.Type))
        {
            throw new InvalidActivityException(ErrorCodes.BadArgument, $"Unknown activity type '{Truncate(activity.Type)}'.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            throw new InvalidActivityException(ErrorCodes.BadArgument, "The activity has no 'conversation.id'.");
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            throw new InvalidActivityException(ErrorCodes.BadArgument, "The activity has no 'channelId'.");
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            throw new InvalidActivityException(ErrorCodes.BadArgument, "The activity has no 'from.id'.");
        }
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>An inbound activity that cannot be processed; <see cref="Code"/> is one of <see cref="ErrorCodes"/>.</summary>
public sealed class InvalidActivityException(string code, string message) : ArgumentException(message)
{
    public string Code { get; } = code;
}
