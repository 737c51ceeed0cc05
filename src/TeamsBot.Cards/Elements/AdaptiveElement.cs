using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>Base of everything that can stand in a card body; "type" is written from the registered subtype.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveTextBlock), "TextBlock")]
[JsonDerivedType(typeof(AdaptiveRichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(AdaptiveFactSet), "FactSet")]
[JsonDerivedType(typeof(AdaptiveContainer), "Container")]
[JsonDerivedType(typeof(AdaptiveColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(AdaptiveTable), "Table")]
[JsonDerivedType(typeof(AdaptiveImage), "Image")]
[JsonDerivedType(typeof(AdaptiveActionSet), "ActionSet")]
[JsonDerivedType(typeof(AdaptiveTextInput), "Input.Text")]
[JsonDerivedType(typeof(AdaptiveChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(AdaptiveDateInput), "Input.Date")]
[JsonDerivedType(typeof(AdaptiveToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(AdaptiveDonutChart), "Chart.Donut")]
[JsonDerivedType(typeof(AdaptiveStackedHorizontalBarChart), "Chart.HorizontalBar.Stacked")]
public abstract class AdaptiveElement : AdaptiveTypedElement
{
    [JsonPropertyOrder(-1)]
    public string? Id { get; set; }

    public AdaptiveSpacing Spacing { get; set; }

    public bool Separator { get; set; }

    [DefaultValue(true)]
    public bool IsVisible { get; set; } = true;

    public AdaptiveHeight Height { get; set; }

    /// <summary>
    /// What a host that does not know this element's type shows instead: another element, or "drop" to show nothing.
    /// Teams-only elements (charts) need one, or other clients lose what they say.
    /// </summary>
    [JsonPropertyOrder(1)]
    public AdaptiveFallbackElement? Fallback
    {
        get;
        set => field = value?.Content is null or AdaptiveElement
            ? value
            : throw new ArgumentException("An element falls back to another element or \"drop\", never to an action.", nameof(value));
    }
}
