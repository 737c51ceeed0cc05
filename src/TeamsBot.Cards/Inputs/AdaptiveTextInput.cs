namespace TeamsBot.Cards;

public sealed class AdaptiveTextInput : AdaptiveInput
{
    public string? Value { get; set; }

    public string? Placeholder { get; set; }

    public bool IsMultiline { get; set; }

    /// <summary>0 = no limit.</summary>
    public int MaxLength { get; set; }

    /// <summary>An ECMAScript regular expression the whole value must match.</summary>
    public string? Regex { get; set; }

    public AdaptiveTextInputStyle Style { get; set; }
}
