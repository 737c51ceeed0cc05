using TeamsBot.Cards;

namespace TeamsBot.Chat;

/// <summary>What the bot replies to a question: a card, or a sentence when a card would add nothing.</summary>
public sealed record ChatAnswer(AdaptiveCard? Card, string Text);
