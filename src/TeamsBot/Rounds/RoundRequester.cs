using TeamsBot.Bot;
using TeamsBot.Localization;

namespace TeamsBot.Rounds;

/// <summary>
/// Who asks to start a round and from where, whichever way they asked (chat or the start card): the coordinator,
/// their language and today, and the conversation the closing summary goes back to.
/// </summary>
public sealed record RoundRequester(BotUser User, UserLanguage Language, DateOnly Today, string? TenantId, string ConversationId, string ConversationType, string ServiceUrl)
{
    public static RoundRequester Of(ChatMessage message, string serviceUrl) =>
        new(message.User, message.Language, message.Today, message.TenantId, message.ConversationId, message.ConversationType, serviceUrl);

    public static RoundRequester Of(CardAction action) =>
        new(action.User, action.Language, action.Today, action.TenantId, action.ConversationId, action.ConversationType, action.ServiceUrl);
}
