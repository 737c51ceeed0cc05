using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

public sealed class AdaptiveColumnSet : AdaptiveElement
{
    public List<AdaptiveColumn> Columns { get; set; } = [];

    public AdaptiveContainerStyle? Style { get; set; }

    public AdaptiveAction? SelectAction { get; set; }

    public bool Bleed { get; set; }

    public AdaptiveHorizontalAlignment? HorizontalAlignment { get; set; }
}

/// <summary>A column of a <see cref="AdaptiveColumnSet"/> (not a body element on its own).</summary>
public sealed class AdaptiveColumn : AdaptiveElement
{
    [JsonPropertyOrder(-1)]
    public string Type { get; } = "Column";

    public List<AdaptiveElement> Items { get; set; } = [];

    /// <summary>"auto", "stretch", a weight (2) or pixels ("50px"); null = schema default.</summary>
    public AdaptiveWidth? Width { get; set; }

    public AdaptiveContainerStyle? Style { get; set; }

    public AdaptiveAction? SelectAction { get; set; }

    public bool Bleed { get; set; }

    public AdaptiveVerticalAlignment? VerticalContentAlignment { get; set; }
}
