using System.Text.Json;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// The rules an inbound activity must meet before the bot sees it. Required: type, conversation.id and an absolute
/// http(s) serviceUrl. Ids (which become table keys and connector paths) at most <see cref="MaxIdLength"/> characters
/// and without control characters; protocol words and names bounded likewise. The parts of Teams' channelData and
/// mention entities the bot reads must have Teams' shape (e.g. tenant an object, its id a string), so that reading them
/// later cannot fail halfway through a turn. Each rule's message names the field, never its value.
/// </summary>
internal static class ActivityValidator
{
    public const int MaxIdLength = 512;
    public const int MaxWordLength = 256;
    public const int MaxNameLength = 1024;
    public const int MaxServiceUrlLength = 2048;
    public const int MaxMembers = 1000;

    public static string? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type)) return Missing("type");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) return Missing("conversation.id");
        if (ServiceUrl(activity.ServiceUrl) is { } serviceUrl) return serviceUrl;

        return Word("type", activity.Type)
               ?? Id("conversation.id", activity.Conversation.Id)
               ?? Id("id", activity.Id)
               ?? Id("replyToId", activity.ReplyToId)
               ?? Word("channelId", activity.ChannelId)
               ?? Word("name", activity.Name)
               ?? Word("action", activity.Action)
               ?? Word("locale", activity.Locale)
               ?? Word("textFormat", activity.TextFormat)
               ?? Word("valueType", activity.ValueType)
               ?? Conversation(activity.Conversation)
               ?? Account("from", activity.From)
               ?? Account("recipient", activity.Recipient)
               ?? Members("membersAdded", activity.MembersAdded)
               ?? Members("membersRemoved", activity.MembersRemoved)
               ?? ChannelData(activity)
               ?? Mentions(activity);
    }

    private static string Missing(string field) => $"Missing or invalid required field: {field}";

    private static string? ServiceUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxServiceUrlLength
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return Missing("serviceUrl");
        return null;
    }

    private static string? Conversation(ConversationAccount conversation) =>
        Id("conversation.tenantId", conversation.TenantId)
        ?? Id("conversation.aadObjectId", conversation.AadObjectId)
        ?? Word("conversation.conversationType", conversation.ConversationType)
        ?? Name("conversation.name", conversation.Name);

    private static string? Account(string field, ChannelAccount? account) =>
        account is null
            ? null
            : Id($"{field}.id", account.Id) ?? Id($"{field}.aadObjectId", account.AadObjectId) ?? Name($"{field}.name", account.Name) ?? Word($"{field}.role", account.Role);

    private static string? Members(string field, IList<ChannelAccount>? members)
    {
        if (members is null) return null;
        if (members.Count > MaxMembers) return $"{field} has more than {MaxMembers} entries";
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is null) return $"{field}[{i}] is not an object";
            if (Account($"{field}[{i}]", members[i]) is { } problem) return problem;
        }
        return null;
    }

    private static string? ChannelData(Activity activity)
    {
        if (activity.ChannelData is not { } data || data.ValueKind == JsonValueKind.Null) return null;
        if (data.ValueKind != JsonValueKind.Object) return "channelData is not an object";
        TeamsChannelData? teams;
        try
        {
            teams = data.Deserialize<TeamsChannelData>(BotJson.Options);
        }
        catch (JsonException e)
        {
            return $"channelData{FieldOf(e)} does not have the type Teams sends";
        }
        if (teams is null) return null;
        return Id("channelData.tenant.id", teams.Tenant?.Id)
               ?? Id("channelData.team.id", teams.Team?.Id)
               ?? Id("channelData.team.aadGroupId", teams.Team?.AadGroupId)
               ?? Name("channelData.team.name", teams.Team?.Name)
               ?? Id("channelData.channel.id", teams.Channel?.Id)
               ?? Name("channelData.channel.name", teams.Channel?.Name)
               ?? Word("channelData.eventType", teams.EventType)
               ?? Id("channelData.settings.selectedChannel.id", teams.Settings?.SelectedChannel?.Id)
               ?? Name("channelData.settings.selectedChannel.name", teams.Settings?.SelectedChannel?.Name);
    }

    private static string? Mentions(Activity activity)
    {
        if (activity.Entities is not { } entities) return null;
        for (var i = 0; i < entities.Count; i++)
        {
            if (entities[i] is null) return $"entities[{i}] is not an object";
            if (!string.Equals(entities[i].Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            Mention? mention;
            try
            {
                mention = entities[i].GetAs<Mention>();
            }
            catch (JsonException e)
            {
                return $"entities[{i}]{FieldOf(e)} does not have the type of a mention";
            }
            if (mention is not null && Account($"entities[{i}].mentioned", mention.Mentioned) is { } problem) return problem;
        }
        return null;
    }

    private static string? Id(string field, string? value) => Bounded(field, value, MaxIdLength);

    private static string? Word(string field, string? value) => Bounded(field, value, MaxWordLength);

    private static string? Name(string field, string? value) => Bounded(field, value, MaxNameLength);

    private static string? Bounded(string field, string? value, int maxLength)
    {
        if (value is null) return null;
        if (value.Length > maxLength) return $"{field} is longer than {maxLength} characters";
        foreach (var c in value)
            if (char.IsControl(c)) return $"{field} holds a control character";
        return null;
    }

    /// <summary>The JSON path of a deserialization error, kept only while it is made of plain field names.</summary>
    internal static string FieldOf(JsonException e) =>
        e.Path is { Length: > 1 and <= 100 } path && path.StartsWith('$') && path.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '[' or ']' or '_')
            ? path[1..]
            : "";
}
