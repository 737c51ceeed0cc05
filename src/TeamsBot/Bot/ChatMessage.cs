using TeamsBot.Localization;

namespace TeamsBot.Bot;

/// <summary>Who is asking, in which language and conversation, and what they typed (bot mention removed).</summary>
public sealed record ChatMessage(
    string Text,
    UserLanguage Language,
    BotUser User,
    string ConversationId,
    string ConversationType,
    string? TenantId,
    DateOnly Today);

/// <summary>The Teams user behind an activity: the channel id (29:…), the Entra object id when Teams sends it, the name.</summary>
public sealed record BotUser(string Id, string? AadObjectId, string? Name)
{
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
