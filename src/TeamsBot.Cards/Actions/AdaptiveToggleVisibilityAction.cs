namespace TeamsBot.Cards;

public sealed class AdaptiveToggleVisibilityAction : AdaptiveAction
{
    public List<AdaptiveTargetElement> TargetElements { get; set; } = [];
}

/// <summary>An element to show, hide (IsVisible true/false) or toggle (null). Converts from an element id string.</summary>
public sealed class AdaptiveTargetElement
{
    public AdaptiveTargetElement() { }

    public AdaptiveTargetElement(string elementId, bool? isVisible = null) => (ElementId, IsVisible) = (elementId, isVisible);

    public string? ElementId { get; set; }

    public bool? IsVisible { get; set; }

    public static implicit operator AdaptiveTargetElement(string elementId) => new(elementId);
}
