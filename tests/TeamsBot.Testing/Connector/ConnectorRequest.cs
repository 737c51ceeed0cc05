using System.Text.Json.Nodes;

namespace TeamsBot.Testing;

/// <summary>The Bot Connector REST operations (DESIGN.md §4), told apart by method and path.</summary>
public enum ConnectorOperation
{
    Unknown,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    DeleteActivity,
    CreateConversation,
    GetPagedMembers,
    GetTeamChannels,
}

/// <summary>
/// One request the loopback connector received, as it arrived. <see cref="Path"/> is decoded and relative to the
/// serviceUrl ("/v3/conversations/a:1/activities"); <see cref="RawTarget"/> is the request line's target, still encoded.
/// </summary>
public sealed record ConnectorRequest(
    ConnectorOperation Operation,
    string Method,
    string RawTarget,
    string Path,
    string? ConversationId,
    string? ActivityId,
    IReadOnlyDictionary<string, string> Headers,
    long? ContentLength,
    string RawBody,
    JsonObject? Body,
    long Timestamp,
    TimeSpan At)
{
    /// <summary>Which HTTP status the connector answered (set once the answer is written).</summary>
    public int Status { get; internal set; }

    public string? Authorization => Header("Authorization");

    public string? TransferEncoding => Header("Transfer-Encoding");

    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Writes that put an activity into a conversation: send, reply, update.</summary>
    public bool IsActivityWrite => Operation is ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity or ConnectorOperation.UpdateActivity;

    /// <summary>A bot message posted into a conversation (send or reply), as Teams would show it.</summary>
    public bool IsMessage => Operation is ConnectorOperation.SendToConversation or ConnectorOperation.ReplyToActivity
        && (string?)Body?["type"] == "message";

    /// <summary>The reply's target: the path's activity id, else the body's replyToId.</summary>
    public string? ReplyToId => Operation == ConnectorOperation.ReplyToActivity ? ActivityId : (string?)Body?["replyToId"];

    /// <summary>For a new conversation: the channel it is created in (channelData.channel.id).</summary>
    public string? ChannelId => (string?)Body?["channelData"]?["channel"]?["id"];

    /// <summary>The tenant the body names (activity conversation.tenantId or channelData.tenant.id).</summary>
    public string TenantId => (string?)Body?["conversation"]?["tenantId"] ?? (string?)Body?["channelData"]?["tenant"]?["id"] ?? "";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
