using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>A user or bot on a channel. Teams ids look like "29:…" (users) or "28:…" (bots).</summary>
public sealed record ChannelAccount
{
    public ChannelAccount() { }
    public ChannelAccount(string id, string? name = null) { Id = id; Name = name; }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
