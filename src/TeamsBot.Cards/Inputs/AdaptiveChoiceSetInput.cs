namespace TeamsBot.Cards;

public sealed class AdaptiveChoiceSetInput : AdaptiveInput
{
    public List<AdaptiveChoice> Choices { get; set; } = [];

    /// <summary>The selected choice value; for multi-select a comma-separated list of values.</summary>
    public string? Value { get; set; }

    public AdaptiveChoiceInputStyle Style { get; set; }

    public bool IsMultiSelect { get; set; }

    public string? Placeholder { get; set; }

    public bool Wrap { get; set; }
}

public sealed class AdaptiveChoice
{
    public AdaptiveChoice() { }

    public AdaptiveChoice(string title, string value) => (Title, Value) = (title, value);

    public string? Title { get; set; }

    public string? Value { get; set; }
}
