using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(AdaptiveSubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(AdaptiveOpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(AdaptiveShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(AdaptiveToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract class AdaptiveAction : AdaptiveTypedElement
{
    [JsonPropertyOrder(-1)]
    public string? Title { get; set; }

    [JsonPropertyOrder(-1)]
    public string? Id { get; set; }

    /// <summary>Teams ignores positive/destructive; leave at Default unless another host needs it.</summary>
    public AdaptiveActionStyle Style { get; set; }

    public Uri? IconUrl { get; set; }

    public string? Tooltip { get; set; }

    /// <summary>What a host that cannot handle this action shows instead (e.g. an Action.Submit for an Action.Execute).</summary>
    [JsonPropertyOrder(1)]
    public AdaptiveFallbackElement? Fallback
    {
        get;
        set => field = value?.Content is null or AdaptiveAction
            ? value
            : throw new ArgumentException("An action falls back to another action or \"drop\", never to an element.", nameof(value));
    }
}
