using System.Text.Json;

namespace TeamsBot.BotFramework.Schema;

public static class ActivityExtensions
{
    /// <summary>The reference to store for replying later (proactive messages).</summary>
    public static ConversationReference GetConversationReference(this Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        ServiceUrl = activity.ServiceUrl,
    };

    /// <summary>
    /// Addresses <paramref name="activity"/> to the conversation of <paramref name="reference"/>. Outgoing (default):
    /// from = bot, recipient = user, replyToId = the reference's activity id. Incoming: the other way round.
    /// </summary>
    public static Activity ApplyConversationReference(this Activity activity, ConversationReference reference, bool isIncoming = false)
    {
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.Locale ??= reference.Locale;
        if (isIncoming)
        {
            activity.From = reference.User;
            activity.Recipient = reference.Bot;
            if (reference.ActivityId is not null) activity.Id = reference.ActivityId;
        }
        else
        {
            activity.From = reference.Bot;
            activity.Recipient = reference.User;
            if (reference.ActivityId is not null) activity.ReplyToId = reference.ActivityId;
        }
        return activity;
    }

    /// <summary>A message replying to <paramref name="activity"/> (addresses swapped, replyToId set).</summary>
    public static Activity CreateReply(this Activity activity, string? text = null) => new(ActivityTypes.Message)
    {
        Timestamp = DateTimeOffset.UtcNow,
        From = activity.Recipient is null ? null : new ChannelAccount { Id = activity.Recipient.Id, Name = activity.Recipient.Name },
        Recipient = activity.From is null ? null : new ChannelAccount { Id = activity.From.Id, Name = activity.From.Name },
        ReplyToId = activity.Id,
        ServiceUrl = activity.ServiceUrl,
        ChannelId = activity.ChannelId,
        Conversation = activity.Conversation,
        Locale = activity.Locale,
        Text = text ?? string.Empty,
        TextFormat = TextFormatTypes.Plain,
    };

    /// <summary>The mention entities of the activity.</summary>
    public static IReadOnlyList<Mention> GetMentions(this Activity activity) =>
        activity.Entities?
            .Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.GetAs<Mention>())
            .OfType<Mention>()
            .ToList() ?? [];

    /// <summary>
    /// The text without the mentions of the recipient (the bot), trimmed. Driven by the entities, so "&lt;at&gt;Bot&lt;/at&gt;"
    /// typed by a user as plain text stays. The activity is not changed.
    /// </summary>
    public static string GetTextWithoutRecipientMention(this Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var recipientId = activity.Recipient?.Id;
        if (recipientId is null) return text.Trim();
        foreach (var mention in activity.GetMentions())
        {
            if (!string.Equals(mention.Mentioned?.Id, recipientId, StringComparison.OrdinalIgnoreCase)) continue;
            if (string.IsNullOrEmpty(mention.Text)) continue;
            text = text.Replace(mention.Text, string.Empty, StringComparison.OrdinalIgnoreCase);
        }
        return text.Trim();
    }

    /// <summary>Removes the recipient's mentions from <see cref="Activity.Text"/> and returns the new text.</summary>
    public static string RemoveRecipientMention(this Activity activity) => activity.Text = activity.GetTextWithoutRecipientMention();

    /// <summary>The channelData as <typeparamref name="T"/>, or default when absent or not an object.</summary>
    public static T? GetChannelData<T>(this Activity activity) where T : class =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data ? data.Deserialize<T>(BotJson.Options) : null;

    public static Activity SetChannelData(this Activity activity, object channelData)
    {
        activity.ChannelData = BotJson.ToElement(channelData);
        return activity;
    }

    /// <summary>The tenant of the activity: channelData.tenant.id, else conversation.tenantId.</summary>
    public static string? GetTenantId(this Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && !string.IsNullOrEmpty(id.GetString()))
        {
            return id.GetString();
        }
        return string.IsNullOrEmpty(activity.Conversation?.TenantId) ? null : activity.Conversation.TenantId;
    }

    /// <summary>The activity's value as <typeparamref name="T"/> (e.g. Action.Submit inputs or an invoke value).</summary>
    public static T? GetValue<T>(this Activity activity) =>
        activity.Value is { } value && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value.Deserialize<T>(BotJson.Options)
            : default;

    /// <summary>True when the bot (recipient) is among membersAdded: the app was installed in the conversation.</summary>
    public static bool IsBotAdded(this Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;
}
