namespace TeamsBot.Measures.Import;

/// <summary>What is wrong, where: the file, the item (plan, area or measure id) and the field.</summary>
public sealed record ImportProblem(string File, string Item, string Field, string Message)
{
    public override string ToString() => $"{File}: {Item}: {Field}: {Message}";
}
