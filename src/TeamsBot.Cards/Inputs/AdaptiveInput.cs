namespace TeamsBot.Cards;

/// <summary>An input; its <see cref="AdaptiveElement.Id"/> is the key of its value in the submitted data and must be unique.</summary>
public abstract class AdaptiveInput : AdaptiveElement
{
    public string? Label { get; set; }

    public bool IsRequired { get; set; }

    /// <summary>Shown when validation fails (required and empty, regex mismatch, out of range).</summary>
    public string? ErrorMessage { get; set; }
}
