namespace TeamsBot.Cards;

/// <summary>Dates serialize as yyyy-MM-dd, the only format the schema accepts.</summary>
public sealed class AdaptiveDateInput : AdaptiveInput
{
    public DateOnly? Value { get; set; }

    public DateOnly? Min { get; set; }

    public DateOnly? Max { get; set; }

    public string? Placeholder { get; set; }
}
