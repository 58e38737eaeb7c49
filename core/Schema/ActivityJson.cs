using System.Text.Json;

namespace SupportBot.Core.Schema;

/// <summary>Reads and writes activities as JSON, with the checks every inbound activity must pass.</summary>
public static class ActivityJson
{
    /// <summary>A serialised activity may be at most this many characters (PROTOCOLS.md §1).</summary>
    public const int MaxActivityChars = 256 * 1024;

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
