namespace TeamsBot.Cards;

/// <summary>The card's Teams-only "msteams" property.</summary>
public sealed class AdaptiveMsTeams
{
    /// <summary>"Full" stretches the card to the width of the message pane; null = Teams' default width.</summary>
    public string? Width { get; set; }

    public static AdaptiveMsTeams FullWidth => new() { Width = "Full" };
}
