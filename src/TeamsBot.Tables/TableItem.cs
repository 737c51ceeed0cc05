namespace TeamsBot.Tables;

/// <summary>A table as the service lists it.</summary>
public sealed class TableItem(string name)
{
    public string Name { get; } = name;
}
