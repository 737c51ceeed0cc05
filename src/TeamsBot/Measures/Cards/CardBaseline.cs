using TeamsBot.Cards;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>
/// What every card we send shares: schema 1.5 (the highest Teams renders), full width in Teams, the reader's language
/// as "lang", and a plain-text fallback (shown by clients that cannot render the card, and in notifications).
/// </summary>
public static class CardBaseline
{
    public static AdaptiveCard New(UserLanguage language, string fallbackText) => new()
    {
        Version = AdaptiveCard.TeamsMaxVersion,
        MsTeams = AdaptiveMsTeams.FullWidth,
        Lang = language.Code(),
        FallbackText = fallbackText,
    };
}
