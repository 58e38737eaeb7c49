using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SupportBot.Core.State;

/// <summary>
/// One state object as loaded for a turn: the stored JSON, the live values handed out to the turn
/// (mutations to them are saved), and the ETag the save must match.
/// </summary>
internal sealed class CachedBotState(JsonElement? stored, string? etag)
{
    // Serialize writes into one buffer per thread and copies the result out of it: a fresh buffer growing
    // from small would be allocated several times over for every save.
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly Dictionary<string, JsonElement> _stored = ReadProperties(stored);
    private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);
    // What was loaded, byte for byte as the store holds it: our own writer's output from an earlier turn.
    private readonly JsonElement? _loaded = stored;

    public string? ETag { get; set; } = etag;

    public bool TryGet<T>(string name, out T? value)
    {
        if (_live.TryGetValue(name, out var live))
        {
            value = (T?)live.Value;
            return true;
        }

        if (_stored.TryGetValue(name, out var element))
        {
            value = element.Deserialize<T>(StateJson.Options);
            _live[name] = (value, typeof(T));
            return true;
        }

        value = default;
        return false;
    }

    public void Set<T>(string name, T value) => _live[name] = (value, typeof(T));

    public void Delete(string name)
    {
        _live.Remove(name);
        _stored.Remove(name);
    }

    public void Clear()
    {
        _live.Clear();
        _stored.Clear();
    }

    /// <summary>The state as UTF-8 JSON, and whether it differs from what was loaded.</summary>
    public (byte[] Json, bool Changed) Serialize()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);

        writer.WriteStartObject();
        foreach (var (name, element) in _stored)
        {
            if (!_live.ContainsKey(name))
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        foreach (var (name, (value, type)) in _live)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value, type, StateJson.Options);
        }

        writer.WriteEndObject();
        writer.Flush();

        var changed = _loaded is not { } loaded || !buffer.WrittenSpan.SequenceEqual(JsonMarshal.GetRawUtf8Value(loaded));
        var json = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > KeptBufferBytes)
        {
            // An unusually large state: do not keep its buffer for the life of the thread.
            (t_buffer, t_writer) = (null, null);
        }

        return (json, changed);
    }

    private static Dictionary<string, JsonElement> ReadProperties(JsonElement? stored)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (stored is { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var property in element.EnumerateObject())
            {
                properties[property.Name] = property.Value;
            }
        }

        return properties;
    }
}
