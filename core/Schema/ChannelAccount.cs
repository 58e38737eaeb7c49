using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Schema;

/// <summary>A participant in a conversation: a customer, the bot, an agent.</summary>
public sealed record ChannelAccount
{
    public ChannelAccount() { }

    public ChannelAccount(string id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
