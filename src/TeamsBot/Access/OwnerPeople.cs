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
        if (!directory.IsConfigured || !options.Value.Groups.TryGetValue(unit, out var groupName)) return people;

        try
        {
            var group = await directory.FindGroupAsync(groupName, ct);
            if (!group.IsFound) return people;
            var members = await directory.ListUsersInGroupAsync(group.Value!.Id, ct);
            foreach (var user in members.Value ?? [])
                if (!people.Any(p => p.Is(user.Id, null)))
                    people.Add(new OwnerPerson(user.Id, user.Id, null, user.DisplayName, OwnerPerson.FromGroup));
        }
        catch (DirectoryException e)
        {
            logger.LogWarning(e, "Could not read the Entra group of owner unit {Unit}; using the Roles table only", unit);
        }
        return people;
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
