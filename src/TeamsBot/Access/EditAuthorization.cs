using TeamsBot.Bot;
using TeamsBot.Measures;

namespace TeamsBot.Access;

/// <summary>
/// Owners of a measure (by unit) and coordinators of its plan may edit it. With no roles stored at all the service is
/// in development mode and everyone may (logged once per instance, so it is never on by accident unnoticed).
/// </summary>
public sealed class EditAuthorization(RoleStore roles, ILogger<EditAuthorization> logger)
{
    private int _developmentModeLogged;

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

        var decision = record is null ? EditDecision.NoRole : EditDecision.NotResponsible;
        if (logRefusal)
            logger.LogInformation("Refused an update of {PlanId}/{MeasureId} by {UserId} ({AadObjectId}): {Decision}",
                measure.PlanId, measure.Id, user.Id, user.AadObjectId, decision);
        return decision;
    }

    public async Task<bool> IsDevelopmentModeAsync(CancellationToken ct) => (await roles.GetAsync(ct)).IsEmpty;

    /// <summary>The Teams ids of the people who look after a measure: its plan's coordinators and its owners.</summary>
    public async Task<IReadOnlyList<string>> CaretakersAsync(Measure measure, CancellationToken ct)
    {
        var snapshot = await roles.GetAsync(ct);
        return [.. snapshot.Records
            .Where(r => r.IsCoordinatorOf(measure.PlanId) || r.Owns(measure.PlanId, measure.Owners))
            .Select(r => r.TeamsUserId ?? (r.UserKey.StartsWith("29:", StringComparison.Ordinal) ? r.UserKey : null))
            .OfType<string>()];
    }
}
