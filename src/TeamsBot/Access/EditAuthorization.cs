using TeamsBot.Bot;
using TeamsBot.Graph;
using TeamsBot.Measures;

namespace TeamsBot.Access;

/// <summary>
/// Owners of a measure (by unit) and coordinators of its plan may edit it. An owner is a Roles row for the unit or,
/// with Graph on, a member of the unit's Entra group (the people a status round asks). With no roles stored at all the
/// service is in development mode and everyone may (logged once per instance, so it is never on by accident unnoticed).
/// </summary>
public sealed class EditAuthorization(RoleStore roles, OwnerPeople ownerPeople, TimeProvider time, ILogger<EditAuthorization> logger)
{
    /// <summary>
    /// After a directory failure the Entra groups are left out of decisions for this long: every card view decides, and
    /// should neither wait on Graph's retries again nor log the same outage each time.
    /// </summary>
    public static readonly TimeSpan DirectoryPause = TimeSpan.FromMinutes(1);

    private int _developmentModeLogged;
    private long _directoryPausedUntilTicks;

    /// <param name="logRefusal">False when only deciding whether to show the edit button (every card view).</param>
    public async Task<EditDecision> DecideAsync(BotUser user, Measure measure, CancellationToken ct, bool logRefusal = true)
    {
        var snapshot = await roles.GetAsync(ct);
        if (snapshot.IsEmpty)
        {
            if (Interlocked.Exchange(ref _developmentModeLogged, 1) == 0)
                logger.LogWarning("The Roles table is empty: development mode, every user may update every measure. Add roles to restrict.");
            return EditDecision.Allowed;
        }

        var record = snapshot.Find(user.AadObjectId, user.Id);
        if (record is not null && (record.IsCoordinatorOf(measure.PlanId) || record.Owns(measure.PlanId, measure.Owners)))
            return EditDecision.Allowed;
        if (await IsInOwnerGroupAsync(user, measure, ct)) return EditDecision.Allowed;

        var decision = record is null ? EditDecision.NoRole : EditDecision.NotResponsible;
        if (logRefusal)
            logger.LogInformation("Refused an update of {PlanId}/{MeasureId} by {UserId} ({AadObjectId}): {Decision}",
                measure.PlanId, measure.Id, user.Id, user.AadObjectId, decision);
        return decision;
    }

    /// <summary>A directory failure answers false (Roles decide alone), with one warning per <see cref="DirectoryPause"/>.</summary>
    private async Task<bool> IsInOwnerGroupAsync(BotUser user, Measure measure, CancellationToken ct)
    {
        if (user.AadObjectId is not { Length: > 0 } aadObjectId || !ownerPeople.HasGroupFor(measure.Owners)) return false;
        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _directoryPausedUntilTicks)) return false;
        try
        {
            return await ownerPeople.IsGroupMemberAsync(aadObjectId, measure.Owners, ct);
        }
        catch (DirectoryException e)
        {
            Interlocked.Exchange(ref _directoryPausedUntilTicks, (time.GetUtcNow() + DirectoryPause).UtcTicks);
            logger.LogWarning(e, "Could not read the Entra groups of the owners of {PlanId}/{MeasureId}; edit rights come from the Roles table alone for the next {Pause}",
                measure.PlanId, measure.Id, DirectoryPause);
            return false;
        }
    }

    public async Task<bool> IsDevelopmentModeAsync(CancellationToken ct) => (await roles.GetAsync(ct)).IsEmpty;

    /// <summary>
    /// The Teams ids of the people who look after a measure: its plan's coordinators and its owners, from the Roles
    /// table. Entra group members are not among them: Graph knows their object ids, and card refresh needs Teams ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> CaretakersAsync(Measure measure, CancellationToken ct)
    {
        var snapshot = await roles.GetAsync(ct);
        return [.. snapshot.Records
            .Where(r => r.IsCoordinatorOf(measure.PlanId) || r.Owns(measure.PlanId, measure.Owners))
            .Select(r => r.TeamsUserId ?? (r.UserKey.StartsWith("29:", StringComparison.Ordinal) ? r.UserKey : null))
            .OfType<string>()];
    }
}
