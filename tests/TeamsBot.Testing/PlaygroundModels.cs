using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.Testing;

/// <summary><c>GET /_internal/v1/testConfig</c> → <c>config</c>: the Playground's fake tenant.</summary>
public sealed record PlaygroundTestConfig(
    string TenantId,
    PlaygroundBot Bot,
    PlaygroundUser CurrentUser,
    IReadOnlyList<PlaygroundUser> Users,
    PlaygroundChatRef PersonalChat,
    IReadOnlyList<PlaygroundGroupChat> GroupChats,
    IReadOnlyList<PlaygroundTeam> Teams)
{
    /// <summary>The current user and the other users.</summary>
    public IEnumerable<PlaygroundUser> AllUsers => Users.Prepend(CurrentUser);

    public PlaygroundUser User(string id) =>
        AllUsers.FirstOrDefault(u => u.Id == id) ?? throw new ArgumentException($"The Playground has no user '{id}'.", nameof(id));

    public PlaygroundTeam Team(string id) =>
        Teams.FirstOrDefault(t => t.Id == id) ?? throw new ArgumentException($"The Playground has no team '{id}'.", nameof(id));
}

public sealed record PlaygroundBot(string Id, string Name);

public sealed record PlaygroundUser(
    string Id,
    string Name,
    // Sic: the Playground spells it "userPrincipleName".
    [property: JsonPropertyName("userPrincipleName")] string? UserPrincipalName,
    string? AadObjectId,
    string? GivenName,
    string? Surname,
    string? Email);

public sealed record PlaygroundChatRef(string Id, string Name);

public sealed record PlaygroundGroupChat(string Id, string Name, IReadOnlyList<string> Members);

public sealed record PlaygroundChannel(string Id, string Name, string? ChannelType);

public sealed record PlaygroundTeam(
    string Id, string Name, string? AadGroupId, IReadOnlyList<PlaygroundChannel> Channels, IReadOnlyList<string> Members)
{
    /// <summary>The General channel: in the Playground its conversation id is the team id.</summary>
    public PlaygroundChannel GeneralChannel =>
        Channels.FirstOrDefault(c => c.Id == Id) ?? Channels.FirstOrDefault(c => c.Name == "General") ?? Channels[0];
}

/// <summary>
/// The answer to <c>POST /_conversation/v1/conversations/{id}/messages</c>. In a channel the Playground starts a new post
/// (thread): the bot sees the conversation id <see cref="PostConversationId"/> (<c>{channelId};messageid={MessageId}</c>).
/// </summary>
public sealed record PlaygroundSentMessage(string MessageId, string? PostConversationId, long Timestamp, string ConversationId)
{
    /// <summary>The conversation id the bot receives the message in (and replies to).</summary>
    public string BotConversationId => PostConversationId ?? ConversationId;
}

/// <summary>An attachment of a message on the Playground's conversation stream.</summary>
public sealed record PlaygroundAttachment(string ContentType, JsonElement Content);

/// <summary>
/// One event from the WebSocket <c>/_ws_conversation/v1/conversations/stream</c>:
/// <c>{"action":"createMessage"|"updateMessage"|"typing","actionConversationId":…,"message":{…}}</c>.
/// </summary>
public sealed record PlaygroundStreamEvent(string Action, string ActionConversationId, PlaygroundMessage? Message, JsonElement Raw)
{
    public const string CreateMessage = "createMessage";
    public const string UpdateMessage = "updateMessage";
    public const string Typing = "typing";

    /// <summary>
    /// True when the event belongs to <paramref name="conversationId"/>: the same conversation, or a post (thread) in the
    /// channel <paramref name="conversationId"/>.
    /// </summary>
    public bool IsIn(string conversationId) =>
        ActionConversationId == conversationId
        || Message?.ConversationId == conversationId
        || Message?.PostConversationId == conversationId
        || ActionConversationId.StartsWith(conversationId + ";messageid=", StringComparison.Ordinal)
        || (Message?.PostConversationId?.StartsWith(conversationId + ";messageid=", StringComparison.Ordinal) ?? false);
}

/// <summary>
/// A message as the Playground's web client sees it. The Playground splits a bot activity with text and attachments into
/// a text message and one message per attachment (ids <c>{id}</c>, <c>{id}-{suffix}</c>).
/// </summary>
public sealed record PlaygroundMessage(
    string MessageId,
    DateTimeOffset Timestamp,
    string FromId,
    string? Text,
    string? TextFormat,
    IReadOnlyList<PlaygroundAttachment> Attachments,
    string? AttachmentLayout,
    JsonElement Mentions,
    JsonElement? SuggestedActions,
    string? ConversationId,
    string? PostConversationId,
    JsonElement Raw);
