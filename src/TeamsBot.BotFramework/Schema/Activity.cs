using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity (names as in Microsoft.Bot.Schema.Activity). Fields this type does not model are kept in
/// <see cref="Properties"/> and written back unchanged.
/// </summary>
public sealed record Activity
{
    public Activity() { }
    public Activity(string type) { Type = type; }

    public string? Type { get; set; }
    public string? Id { get; set; }
    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonConverter(typeof(LenientDateTimeOffsetConverter))]
    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public string? TopicName { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Importance { get; set; }
    public string? DeliveryMode { get; set; }
    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public static Activity CreateMessageActivity(string? text = null) => new(ActivityTypes.Message) { Text = text };

    /// <summary>A message carrying one attachment (e.g. <see cref="Attachment.AdaptiveCard"/>).</summary>
    public static Activity CreateMessageActivity(Attachment attachment) => new(ActivityTypes.Message) { Attachments = [attachment] };
}
