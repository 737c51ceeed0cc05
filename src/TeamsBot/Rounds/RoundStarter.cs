using Microsoft.Extensions.Options;
using TeamsBot.Access;
using TeamsBot.Bot;
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
/// or not anyone can be reached for the unit. Validates everything before writing anything.
/// </summary>
public sealed class RoundStarter(
    RoundStore rounds,
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

    public async Task<RoundStartResult> StartAsync(ChatMessage message, string serviceUrl, string planId, DateOnly deadline, string? note, CancellationToken ct)
    {
        var t = RoundTexts.For(message.Language);
        var snapshot = index.Current;
        var plan = snapshot.Plans[planId];
        if (!await coordinators.IsCoordinatorOfAsync(message.User, planId, ct)) return new RoundStartResult.Refused(t.CoordinatorsOnly);
        if (deadline <= message.Today) return new RoundStartResult.Refused(t.DeadlinePassed(DateTexts.Date(deadline, message.Language)));
        await foreach (var open in rounds.ListOpenAsync(ct, planId))
            return new RoundStartResult.Refused(t.AlreadyOpen(plan.Title, DateTexts.Date(open.Deadline, message.Language)));

        var measures = snapshot.Measures.Values
            .Where(m => m.PlanId == planId && m.Status != MeasureStatus.Implemented)
            .OrderBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
        if (measures.Count == 0) return new RoundStartResult.Refused(t.NothingToAsk(plan.Title));

        var now = time.GetUtcNow();
        var tenant = message.TenantId ?? NoTenant;
        var roundId = $"{OsloClock.InOslo(now):yyyyMMdd'T'HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var owners = new List<RoundOwner>();
        var reach = new List<OwnerReach>();
        foreach (var unit in measures.SelectMany(m => m.Owners).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture))
        {
            var ofUnit = measures.Where(m => m.Owners.Contains(unit, StringComparer.OrdinalIgnoreCase)).Select(m => m.Id).ToList();
            var people = await ownerPeople.ForUnitAsync(planId, unit, ct);
            owners.Add(new RoundOwner(roundId, unit, ofUnit, people));
            var reason = await UnreachableReasonAsync(tenant, people, t, ct);
            reach.Add(new OwnerReach(unit, ofUnit.Count, reason is null, reason));
        }
        var unowned = measures.Where(m => m.Owners.Count == 0).ToList();

        var round = await rounds.CreateAsync(new Round
        {
            PlanId = planId,
            Id = roundId,
            Deadline = deadline,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            StartedAt = now,
            StartedBy = message.User.AadObjectId ?? message.User.Id,
            StartedByName = message.User.DisplayName,
            TenantId = tenant,
            CoordinatorConversationId = message.ConversationId,
            CoordinatorServiceUrl = serviceUrl,
            CoordinatorConversationType = message.ConversationType,
            Language = message.Language,
            UnownedMeasureIds = [.. unowned.Select(m => m.Id)],
        }, owners, ct);
        telemetry.UnreachableOwners(reach.Count(r => !r.Reachable));
        logger.LogInformation("Status round {RoundId} started on {PlanId}: {Owners} owners, {Unreachable} unreachable",
            round.Id, planId, owners.Count, reach.Count(r => !r.Reachable));
        return new RoundStartResult.Started(round, RoundCards.Started(round, plan, reach, unowned, message.Language));
    }

    /// <summary>Null when someone can be reached for the unit: a personal chat with the bot, or Graph can install the app for them.</summary>
    private async Task<string?> UnreachableReasonAsync(string tenant, IReadOnlyList<OwnerPerson> people, RoundTexts t, CancellationToken ct)
    {
        if (people.Count == 0) return t.NoPeople;
        foreach (var person in people)
            if (await conversations.FindPersonalAsync(tenant, person.AadObjectId, person.TeamsId, ct) is not null) return null;
        if (RoundDelivery.CanInstall(directory, options.Value) && people.Any(p => p.AadObjectId is not null)) return null;
        return t.NoChat;
    }
}
