using System.Buffers;
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

    /// <summary>
    /// Reads one activity's text from a request body, never holding more than the limit: a declared or
    /// actual size past it throws <see cref="InvalidActivityException"/> (MessageSizeTooBig) at once.
    /// </summary>
    public static async Task<string> ReadBodyAsync(Stream body, long? contentLength, CancellationToken cancellationToken = default)
    {
        if (contentLength > MaxActivityUtf8Bytes)
        {
            throw TooBig();
        }

        var text = new StringBuilder();
        var buffer = ArrayPool<char>.Shared.Rent(16 * 1024);
        try
        {
            using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                // Stop at the first char past the limit: the rest of the body is never read into memory.
                if (text.Length + read > MaxActivityChars)
                {
                    throw TooBig();
                }

                text.Append(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return text.ToString();
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
