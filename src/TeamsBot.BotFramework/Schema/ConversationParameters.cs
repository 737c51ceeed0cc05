using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>Body of POST /v3/conversations (a new channel thread or a 1:1 chat).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }

    /// <summary>The first message of the new conversation.</summary>
    public Activity? Activity { get; set; }

    /// <summary>For Teams a <see cref="TeamsChannelData"/> with channel and tenant.</summary>
    public object? ChannelData { get; set; }

    /// <summary>A new thread in a Teams channel, starting with <paramref name="activity"/>.</summary>
    public static ConversationParameters ForChannelThread(string channelId, string tenantId, Activity activity, ChannelAccount? bot = null) => new()
    {
        IsGroup = true,
        Bot = bot,
        TenantId = tenantId,
        Activity = activity,
        ChannelData = new TeamsChannelData { Channel = new ChannelInfo(channelId), Tenant = new TenantInfo(tenantId) },
    };

    /// <summary>A 1:1 chat between the bot and <paramref name="user"/> (the user must have the app installed).</summary>
    public static ConversationParameters ForPersonalChat(ChannelAccount user, string tenantId, ChannelAccount? bot = null, Activity? activity = null) => new()
    {
        IsGroup = false,
        Bot = bot,
        Members = [user],
        TenantId = tenantId,
        Activity = activity,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo(tenantId) },
    };
}

/// <summary>Response of send/reply/update: the id of the activity.</summary>
public sealed record ResourceResponse
{
    public ResourceResponse() { }
    public ResourceResponse(string? id) { Id = id; }
    public string? Id { get; set; }
}

/// <summary>Response of POST /v3/conversations.</summary>
public sealed record ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>Response of GET /v3/conversations/{id}/pagedmembers.</summary>
public sealed record PagedMembersResult
{
    public string? ContinuationToken { get; set; }
    public IList<TeamsChannelAccount> Members { get; set; } = [];
}

/// <summary>A conversation member as Teams returns it (with email and UPN).</summary>
public sealed record TeamsChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The connector's error body: {"error":{"code","message"}}.</summary>
public sealed record ErrorResponse
{
    public Error? Error { get; set; }
}

[SuppressMessage("Naming", "CA1716", Justification = "The Bot Framework schema's own name (Microsoft.Bot.Schema.Error); the rule guards Visual Basic's keyword.")]
public sealed record Error
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
