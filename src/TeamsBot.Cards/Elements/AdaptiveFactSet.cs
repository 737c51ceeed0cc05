namespace TeamsBot.Cards;

/// <summary>Title/value pairs laid out as a two-column list. Values are markdown.</summary>
public sealed class AdaptiveFactSet : AdaptiveElement
{
    public List<AdaptiveFact> Facts { get; set; } = [];
}

public sealed class AdaptiveFact
{
    public AdaptiveFact() { }

    public AdaptiveFact(string title, string value) => (Title, Value) = (title, value);

    public string? Title { get; set; }

    public string? Value { get; set; }
}
