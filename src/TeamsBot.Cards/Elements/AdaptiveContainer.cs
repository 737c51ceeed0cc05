namespace TeamsBot.Cards;

public sealed class AdaptiveContainer : AdaptiveElement
{
    public List<AdaptiveElement> Items { get; set; } = [];

    /// <summary>Null inherits the parent's style.</summary>
    public AdaptiveContainerStyle? Style { get; set; }

    public AdaptiveAction? SelectAction { get; set; }

    public bool Bleed { get; set; }

    public AdaptiveVerticalAlignment? VerticalContentAlignment { get; set; }

    public string? MinHeight { get; set; }
}
