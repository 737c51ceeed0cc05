using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>A conversation: Teams conversationType is "personal", "groupChat" or "channel".</summary>
public sealed record ConversationAccount
{
    public ConversationAccount() { }
    public ConversationAccount(string id) { Id = id; }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public bool? IsGroup { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
