using Microsoft.Extensions.Options;
using TeamsBot.Graph;

namespace TeamsBot.Access;

/// <summary>
/// Who answers for an owner unit: the Roles rows with the owner role for that unit (and plan), and, when Graph is on
/// and the unit has a configured Entra group, the group's transitive members (Graph paging, caching and throttling are
/// the directory client's). A directory failure leaves the Roles people and says so, it never fails the caller.
/// </summary>
public sealed class OwnerPeople(RoleStore roles, IDirectory directory, IOptions<OwnerGroupOptions> options, ILogger<OwnerPeople> logger)
{
    /// <param name="planId">Null: whoever owns the unit in any plan (the mapping as the coordinator sees it).</param>
    public async Task<IReadOnlyList<OwnerPerson>> ForUnitAsync(string? planId, string unit, CancellationToken ct)
    {
        var snapshot = await roles.GetAsync(ct);
        var people = snapshot.Records
            .Where(r => planId is null
                ? r.Roles.Contains(RoleRecord.Owner) && r.OwnerUnits.Contains(unit, StringComparer.OrdinalIgnoreCase)
                : r.Owns(planId, [unit]))
            .Select(r => new OwnerPerson(r.UserKey, r.UserKey.StartsWith("29:", StringComparison.Ordinal) ? null : r.UserKey,
                r.TeamsUserId ?? (r.UserKey.StartsWith("29:", StringComparison.Ordinal) ? r.UserKey : null), r.Name ?? r.UserKey, OwnerPerson.FromRoles))
            .ToList();
        try
        {
            foreach (var user in await GroupMembersAsync(unit, ct))
                if (!people.Any(p => p.Is(user.Id, null)))
                    people.Add(new OwnerPerson(user.Id, user.Id, null, user.DisplayName, OwnerPerson.FromGroup));
        }
        catch (DirectoryException e)
        {
            logger.LogWarning(e, "Could not read the Entra group of owner unit {Unit}; using the Roles table only", unit);
        }
        return people;
    }

    /// <summary>Whether Graph is on and one of <paramref name="units"/> has an Entra group configured.</summary>
    public bool HasGroupFor(IEnumerable<string> units) => directory.IsConfigured && units.Any(options.Value.Groups.ContainsKey);

    /// <summary>
    /// Whether the user is a transitive member of the Entra group of one of <paramref name="units"/> (the people
    /// <see cref="ForUnitAsync"/> adds from the group, from the same cached lists). Unlike there, a directory failure is
    /// the caller's to handle: it throws <see cref="DirectoryException"/>.
    /// </summary>
    public async Task<bool> IsGroupMemberAsync(string aadObjectId, IEnumerable<string> units, CancellationToken ct)
    {
        foreach (var unit in units)
            if ((await GroupMembersAsync(unit, ct)).Any(u => string.Equals(u.Id, aadObjectId, StringComparison.OrdinalIgnoreCase)))
                return true;
        return false;
    }

    private async Task<IReadOnlyList<DirectoryUser>> GroupMembersAsync(string unit, CancellationToken ct)
    {
        if (!directory.IsConfigured || !options.Value.Groups.TryGetValue(unit, out var groupName)) return [];
        var group = await directory.FindGroupAsync(groupName, ct);
        if (!group.IsFound) return [];
        return (await directory.ListUsersInGroupAsync(group.Value!.Id, ct)).Value ?? [];
    }

    /// <summary>Adds the owner role for <paramref name="unit"/> to the user's Roles row (creating it), keeping their other roles.</summary>
    public async Task AddAsync(string userKey, string? teamsId, string name, string unit, CancellationToken ct)
    {
        var snapshot = await roles.GetAsync(ct);
        var existing = snapshot.Records.FirstOrDefault(r => string.Equals(r.UserKey, userKey, StringComparison.OrdinalIgnoreCase));
        var record = existing is null
            ? new RoleRecord(userKey, new HashSet<string>([RoleRecord.Owner], StringComparer.Ordinal), [], [unit], teamsId, name)
            : existing with
            {
                Roles = new HashSet<string>(existing.Roles.Append(RoleRecord.Owner), StringComparer.Ordinal),
                OwnerUnits = [.. existing.OwnerUnits.Append(unit).Distinct(StringComparer.OrdinalIgnoreCase)],
            };
        await roles.UpsertAsync(record, ct);
    }
}
