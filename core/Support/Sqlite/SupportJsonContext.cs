using System.Text.Json.Serialization;

namespace SupportBot.Core.Support.Sqlite;

/// <summary>Source-generated JSON for the support demo data and the stores' hours column.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DemoData))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class SupportJsonContext : JsonSerializerContext;
