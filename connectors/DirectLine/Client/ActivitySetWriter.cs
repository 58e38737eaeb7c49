using System.Text.Json;
using SupportBot.Core.Schema;

namespace SupportBot.Connectors.DirectLine.Client;

/// <summary>Writes an <see cref="ActivitySet"/> as JSON, each activity in core's wire shape.</summary>
internal static class ActivitySetWriter
{
    public static byte[] ToUtf8(ActivitySet set)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("activities");
            writer.WriteStartArray();
            foreach (var activity in set.Activities)
            {
                JsonSerializer.Serialize(writer, activity, CoreJsonContext.Default.Activity);
            }

            writer.WriteEndArray();
            if (set.Watermark is not null)
            {
                writer.WriteString("watermark", set.Watermark);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
