using TeamsBot.Bot;
using TeamsBot.Updates;

namespace TeamsBot.Digest;

/// <summary>
/// Who may change a channel's brief: coordinators, from the same Roles table that governs status updates. With no
/// roles stored at all (development) everyone may, as for updates.
/// </summary>
public sealed class DigestAuthorization(RoleStore roles)
{
    public async Task<bool> IsCoordinatorAsync(BotUser user, CancellationToken cancellationToken)
    {
        var snapshot = await roles.GetAsync(cancellationToken);
        if (snapshot.IsEmpty) return true;
        return snapshot.Find(user.AadObjectId, user.Id) is { } record && record.Roles.Contains(RoleRecord.Coordinator);
    }
}
