using System.Text.Json;
using TeamsBot.Localization;

namespace TeamsBot.Bot;

/// <summary>
/// A button press or form submit on one of our cards, from Action.Execute (invoke) or Action.Submit (message with
/// value; the card's data carries the verb in "verb"). <see cref="Data"/> holds the card's data merged with the inputs;
/// <see cref="ServiceUrl"/> is where a later proactive message to this conversation goes.
/// </summary>
public sealed record CardAction(
    string Verb,
    JsonElement Data,
    BotUser User,
    UserLanguage Language,
    string ConversationId,
    string ConversationType,
    string? TenantId,
    string? ReplyToId,
    DateOnly Today,
    bool IsUniversalAction,
    string ServiceUrl)
{
    /// <summary>Where an Action.Submit's data carries the verb (Action.Execute has a field of its own for it).</summary>
    public const string SubmitVerbKey = "verb";
}
