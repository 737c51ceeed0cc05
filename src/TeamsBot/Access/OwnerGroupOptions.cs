namespace TeamsBot.Access;

/// <summary>"OwnerGroups": owner unit → the Entra group (mail or display name) whose members answer for it, used when Graph is on.</summary>
public sealed record OwnerGroupOptions
{
    public const string Section = "OwnerGroups";

    public Dictionary<string, string> Groups { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
