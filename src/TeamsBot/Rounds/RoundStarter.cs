using Microsoft.Extensions.Options;
using TeamsBot.Access;
using TeamsBot.Cards;
using TeamsBot.Conversations;
using TeamsBot.Graph;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Telemetry;

namespace TeamsBot.Rounds;

/// <summary>What starting a round gave: the coordinator's card, or the sentence saying why nothing was started.</summary>
public abstract record RoundStartResult
{
    private RoundStartResult() { }

    public sealed record Started(Round Round, AdaptiveCard Card) : RoundStartResult;

    public sealed record Refused(string Text) : RoundStartResult;
}

/// <summary>
/// Starts a status round: every measure of the plan that is not implemented, under each of its owner units, whether
/// or not anyone can be reached for the unit. Validates everything before writing anything; the plan's claim
/// (<see cref="RoundClaims"/>) decides when two start one at once.
/// </summary>
public sealed class RoundStarter(
    RoundStore rounds,
    RoundClaims claims,
    MeasureIndex index,
    CoordinatorAuthorization coordinators,
    OwnerPeople ownerPeople,
    ConversationRegistry conversations,
    IDirectory directory,
    IOptions<RoundOptions> options,
    RoundTelemetry telemetry,
    TimeProvider time,
    ILogger<RoundStarter> logger)
{
    private const string NoTenant = "_";

    /// <summary>Starts a round on <paramref name="planId"/>, a plan of the index.</summary>
    public async Task<RoundStartResult> StartAsync(RoundRequester requester, string planId, DateOnly deadline, string? note, CancellationToken ct)
    {
        var language = requester.Language;
        var t = RoundTexts.For(language);
        var snapshot = index.Current;
        var plan = snapshot.Plans[planId];
        if (!await coordinators.IsCoordinatorOfAsync(requester.User, planId, ct)) return new RoundStartResult.Refused(t.CoordinatorsOnly);
        if (deadline <= requester.Today) return new RoundStartResult.Refused(t.DeadlinePassed(DateTexts.Date(deadline, language)));
        if (deadline > requester.Today.AddDays(RoundLimits.MaxDaysAhead)) return new RoundStartResult.Refused(t.DeadlineTooFar(DateTexts.Date(deadline, language)));
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > RoundLimits.NoteMaxLength }) return new RoundStartResult.Refused(t.NoteTooLong(RoundLimits.NoteMaxLength, note.Length));
        // Rounds started before the claims existed have none: their open row still refuses a second round.
        await foreach (var open in rounds.ListOpenAsync(ct, planId))
            return new RoundStartResult.Refused(t.AlreadyOpen(plan.Title, DateTexts.Date(open.Deadline, language)));

        var measures = snapshot.Measures.Values
            .Where(m => m.PlanId == planId && m.Status != MeasureStatus.Implemented)
            .OrderBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        if (measures.Count == 0) return new RoundStartResult.Refused(t.NothingToAsk(plan.Title));

        var now = time.GetUtcNow();
        var tenant = requester.TenantId ?? NoTenant;
        var roundId = $"{OsloClock.InOslo(now):yyyyMMdd'T'HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var owners = new List<RoundOwner>();
        var reach = new List<OwnerReach>();
        foreach (var unit in measures.SelectMany(m => m.Owners).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture))
        {
            var ofUnit = measures.Where(m => m.Owners.Contains(unit, StringComparer.OrdinalIgnoreCase)).Select(m => m.Id).ToList();
            var people = await ownerPeople.ForUnitAsync(planId, unit, ct);
            owners.Add(new RoundOwner(roundId, unit, ofUnit, people));
            var reason = await UnreachableReasonAsync(tenant, unit, people, t, ct);
            reach.Add(new OwnerReach(unit, ofUnit.Count, reason is null, reason));
        }
        var unowned = measures.Where(m => m.Owners.Count == 0).ToList();

        // Claimed right before the writes: a stop between claim and round leaves a claim the next start takes over later.
        if (await claims.TryClaimAsync(planId, roundId, deadline, now, ct) is RoundClaim.Held held)
            return new RoundStartResult.Refused(t.AlreadyOpen(plan.Title, DateTexts.Date(held.Deadline, language)));
        var round = await rounds.CreateAsync(new Round
        {
            PlanId = planId,
            Id = roundId,
            Deadline = deadline,
            Note = note,
            StartedAt = now,
            StartedBy = requester.User.AadObjectId ?? requester.User.Id,
            StartedByName = requester.User.DisplayName,
            TenantId = tenant,
            CoordinatorConversationId = requester.ConversationId,
            CoordinatorServiceUrl = requester.ServiceUrl,
            CoordinatorConversationType = requester.ConversationType,
            Language = language,
            UnownedMeasureIds = [.. unowned.Select(m => m.Id)],
        }, owners, ct);
        telemetry.UnreachableOwners(reach.Count(r => !r.Reachable));
        logger.LogInformation("Status round {RoundId} started on {PlanId}: {Owners} owners, {Unreachable} unreachable",
            round.Id, planId, owners.Count, reach.Count(r => !r.Reachable));
        return new RoundStartResult.Started(round, RoundCards.Started(round, plan, reach, unowned, language));
    }

    /// <summary>Null when someone can be reached for the unit: a personal chat with the bot, or Graph can install the app for them.</summary>
    private async Task<string?> UnreachableReasonAsync(string tenant, string unit, IReadOnlyList<OwnerPerson> people, RoundTexts t, CancellationToken ct)
    {
        if (people.Count == 0) return t.NoPeople(unit);
        foreach (var person in people)
            if (await conversations.FindPersonalAsync(tenant, person.AadObjectId, person.TeamsId, ct) is not null) return null;
        if (RoundDelivery.CanInstall(directory, options.Value) && people.Any(p => p.AadObjectId is not null)) return null;
        return t.NoChat;
    }
}
