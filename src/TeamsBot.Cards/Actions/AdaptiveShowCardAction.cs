namespace TeamsBot.Cards;

/// <summary>Expands an inline card below the actions. The inner card needs no version or refresh of its own.</summary>
public sealed class AdaptiveShowCardAction : AdaptiveAction
{
    public AdaptiveCard? Card { get; set; }
}
