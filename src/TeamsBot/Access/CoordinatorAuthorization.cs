using TeamsBot.Bot;

namespace TeamsBot.Access;

/// <summary>
/// Whether a user is a plan coordinator (of any plan), e.g. to manage a channel's weekly brief. With no roles stored at
/// all (development) everyone is, as for edits.
/// </summary>
public sealed class CoordinatorAuthorization(RoleStore roles)
{
    public async Task<bool> IsCoordinatorAsync(BotUser user, CancellationToken cancellationToken)
    {
        var snapshot = await roles.GetAsync(cancellationToken);
        if (snapshot.IsEmpty) return true;
        return snapshot.Find(user.AadObjectId, user.Id) is { } record && record.Roles.Contains(RoleRecord.Coordinator);
    }

    /// <summary>Whether the user coordinates <paramref name="planId"/> (status rounds, owner mappings); everyone in development mode.</summary>
    public async Task<bool> IsCoordinatorOfAsync(BotUser user, string planId, CancellationToken cancellationToken)
    {
        var snapshot = await roles.GetAsync(cancellationToken);
        if (snapshot.IsEmpty) return true;
        return snapshot.Find(user.AadObjectId, user.Id) is { } record && record.IsCoordinatorOf(planId);
    }
}
