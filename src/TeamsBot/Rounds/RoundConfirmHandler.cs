using Azure;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Storage;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Rounds;

/// <summary>
/// «Uendret – bekreft» on an owner's round card: a history row from source "round" without field changes, written
/// only for a measure of the round, by a person mapped to one of its owner units (or a coordinator of the plan), at
/// the version the card was drawn from. The card is then drawn again with the measure marked answered.
/// </summary>
public sealed class RoundConfirmHandler(
    RoundStore rounds,
    RoundProgressReader progress,
    MeasureStore measures,
    MeasureIndex index,
    CoordinatorAuthorization coordinators,
    TimeProvider time,
    ILogger<RoundConfirmHandler> logger) : ICardActionHandler
{
    public const string Source = "round";

    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        var t = RoundTexts.For(action.Language);
        try
        {
            return await ConfirmAsync(action, t, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            logger.LogError(e, "Storage failed during a round confirmation");
            return new Fail(t.SaveFailed);
        }
    }

    private async Task<CardActionResult> ConfirmAsync(CardAction action, RoundTexts t, CancellationToken ct)
    {
        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId)
            || RoundCards.StringOf(action.Data, RoundCards.RoundIdKey) is not { Length: > 0 } roundId
            || RoundCards.StringOf(action.Data, RoundCards.VersionKey) is not { } version)
            return new Refuse(t.NotInRound);
        if (await rounds.GetAsync(planId, roundId, ct) is not { } round) return new Refuse(t.NotInRound);
        if (!round.IsOpen) return new ShowMessage(t.RoundClosed);

        var owners = await rounds.GetOwnersAsync(round.Id, ct);
        var ofMeasure = owners.Where(o => o.MeasureIds.Contains(measureId, StringComparer.Ordinal)).ToList();
        if (ofMeasure.Count == 0) return new ShowMessage(t.NotInRound);
        var mine = ofMeasure.FirstOrDefault(o => o.People.Any(p => p.Is(action.User.AadObjectId, action.User.Id)));
        if (mine is null && !await coordinators.IsCoordinatorOfAsync(action.User, planId, ct)) return new ShowMessage(t.NotYours);
        var owner = mine ?? ofMeasure[0];

        if (await measures.GetMeasureAsync(planId, measureId, ct) is not { } measure) return new ShowMessage(t.NotInRound);
        var before = await progress.ReadAsync(round, ct);
        if (before is not null && before.AnsweredMeasureIds.Contains(measureId)) return await CardAsync(round, owner, action, before);
        if (measure.Version != version) return new ShowMessage(t.Stale);

        var now = time.GetUtcNow();
        try
        {
            var saved = await measures.UpdateAsync(measure with { UpdatedAt = now, UpdatedBy = action.User.DisplayName },
                new HistoryEntry(planId, measureId, now, action.User.DisplayName, Source, [], null), ct);
            index.Apply([saved]);
        }
        catch (MeasureConflictException)
        {
            return new ShowMessage(t.Stale);
        }
        logger.LogInformation("Measure {PlanId}/{MeasureId} confirmed unchanged in round {RoundId} by {UserId}", planId, measureId, round.Id, action.User.Id);
        var after = await progress.ReadAsync(round, ct);
        return after is null ? new ShowMessage(t.AllAnswered) : await CardAsync(round, owner, action, after);
    }

    private static Task<CardActionResult> CardAsync(Round round, RoundOwner owner, CardAction action, RoundProgress view)
    {
        var ofOwner = view.Owners.First(o => o.Owner.Unit == owner.Unit);
        var list = ofOwner.Answered.Concat(ofOwner.Outstanding).OrderBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        return Task.FromResult<CardActionResult>(new ReplaceCard(
            RoundCards.Request(round, view.Plan, owner, list, view.AnsweredMeasureIds, isReminder: false, action.Language)));
    }
}
