using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>Teams' channelData: tenant, team, channel, eventType and settings.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public ChannelInfo? Channel { get; set; }

    /// <summary>e.g. teamMemberAdded, teamMemberRemoved, channelCreated, teamRenamed.</summary>
    public string? EventType { get; set; }

    public TeamsChannelDataSettings? Settings { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed record TenantInfo
{
    public TenantInfo() { }
    public TenantInfo(string id) { Id = id; }
    public string? Id { get; set; }
}

public sealed record TeamInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public sealed record ChannelInfo
{
    public ChannelInfo() { }
    public ChannelInfo(string id, string? name = null) { Id = id; Name = name; }
    public string? Id { get; set; }
    public string? Name { get; set; }
}

public sealed record TeamsChannelDataSettings
{
    /// <summary>The channel chosen when the app was added to a team.</summary>
    public ChannelInfo? SelectedChannel { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Body of GET /v3/teams/{teamId}/conversations.</summary>
public sealed record ConversationList
{
    public IList<ChannelInfo> Conversations { get; set; } = [];
}
