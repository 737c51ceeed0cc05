namespace TeamsBot.Cards;

/// <summary>Actions placed inside the body (e.g. under a form section) rather than at the card's foot.</summary>
public sealed class AdaptiveActionSet : AdaptiveElement
{
    public List<AdaptiveAction> Actions { get; set; } = [];
}
