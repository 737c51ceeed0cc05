namespace TeamsBot.Cards;

public sealed class AdaptiveToggleInput : AdaptiveInput
{
    public AdaptiveToggleInput() { }

    public AdaptiveToggleInput(string title) => Title = title;

    public string? Title { get; set; }

    /// <summary>The initial value: equal to <see cref="ValueOn"/> to start checked.</summary>
    public string? Value { get; set; }

    /// <summary>Submitted when checked; null = the schema default "true".</summary>
    public string? ValueOn { get; set; }

    /// <summary>Submitted when unchecked; null = the schema default "false".</summary>
    public string? ValueOff { get; set; }

    public bool Wrap { get; set; }
}
