namespace TeamsBot.Access;

/// <summary>
/// A person who answers for an owner unit. <see cref="Key"/> is the Entra object id where known, else the Teams id
/// (as in the Roles table); <see cref="Source"/> is "roles" or "group" (an Entra group's transitive member).
/// </summary>
public sealed record OwnerPerson(string Key, string? AadObjectId, string? TeamsId, string Name, string Source)
{
    public const string FromRoles = "roles";
    public const string FromGroup = "group";

    public bool Is(string? aadObjectId, string? teamsId) =>
        (aadObjectId is { Length: > 0 } && string.Equals(aadObjectId, AadObjectId ?? Key, StringComparison.OrdinalIgnoreCase)) ||
        (teamsId is { Length: > 0 } && (string.Equals(teamsId, TeamsId, StringComparison.OrdinalIgnoreCase) || string.Equals(teamsId, Key, StringComparison.OrdinalIgnoreCase)));
}
