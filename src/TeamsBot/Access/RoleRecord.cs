namespace TeamsBot.Access;

/// <summary>
/// One user's roles, a row of the Roles table (PK "role", RK the user's Entra object id or Teams id, encoded).
/// Coordinators may edit every measure of <see cref="PlanIds"/> ("*" = every plan); owners may edit the measures whose
/// owners include one of <see cref="OwnerUnits"/>, within <see cref="PlanIds"/> when that is not empty.
/// <see cref="TeamsUserId"/> (29:…) lets measure cards refresh for the user.
/// </summary>
public sealed record RoleRecord(
    string UserKey,
    IReadOnlySet<string> Roles,
    IReadOnlyList<string> PlanIds,
    IReadOnlyList<string> OwnerUnits,
    string? TeamsUserId = null,
    string? Name = null)
{
    public const string Coordinator = "coordinator";
    public const string Owner = "owner";
    public const string AllPlans = "*";

    public bool IsCoordinatorOf(string planId) =>
        Roles.Contains(Coordinator) && PlanIds.Any(p => p == AllPlans || string.Equals(p, planId, StringComparison.OrdinalIgnoreCase));

    public bool Owns(string planId, IEnumerable<string> measureOwners) =>
        Roles.Contains(Owner) &&
        (PlanIds.Count == 0 || PlanIds.Any(p => p == AllPlans || string.Equals(p, planId, StringComparison.OrdinalIgnoreCase))) &&
        measureOwners.Any(unit => OwnerUnits.Contains(unit, StringComparer.OrdinalIgnoreCase));
}
