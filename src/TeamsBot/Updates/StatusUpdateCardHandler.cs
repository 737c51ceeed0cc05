using Azure;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Storage;
using TeamsBot.Telemetry;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Updates;

/// <summary>
/// The card verbs of status updates: "measure.edit" (open the form), "measure.update" (submit it) and
/// "measure.refresh" (the current measure card, for refresh and for the form's Cancel). A new form answers the action
/// (a submit gets it as a new message, so the measure card stays); everything else replaces the card acted on.
/// </summary>
public sealed class StatusUpdateCardHandler(
    MeasureLocator locator,
    MeasureIndex index,
    EditAuthorization authorization,
    StatusUpdateService updates,
    MeasureCards measureCards,
    StatusUpdateTelemetry telemetry,
    ILogger<StatusUpdateCardHandler> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleVerbAsync(action, cancellationToken);
        }
        catch (RequestFailedException e) when (!StorageFailure.IsUnavailable(e, cancellationToken))
        {
            logger.LogError(e, "Storage failed during {Verb}", action.Verb);
            return new Fail(UpdateTexts.For(action.Language).SaveFailed);
        }
    }

    private async Task<CardActionResult> HandleVerbAsync(CardAction action, CancellationToken ct)
    {
        var texts = UpdateTexts.For(action.Language);
        var viewer = new CardViewer(action.User, action.Language, action.Today, action.ConversationType);
        if (action.Verb == CardVerbs.UpdateMeasure)
        {
            if (FormReader.Read(action.Data, out var defect) is not { } submission)
                return new Refuse(defect == FormDefect.NoMeasure ? texts.FormIncomplete : texts.FormDamaged);
            return await ResultOfAsync(telemetry.Record(await updates.ApplyAsync(submission, action.User, action.Language, ct)), viewer, texts, ct);
        }

        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId)) return new Refuse(texts.FormIncomplete);
        if (await locator.FindAsync(planId, measureId, ct) is not ({ } measure, { } plan)) return new ShowMessage(texts.MeasureNotFound);

        if (action.Verb == CardVerbs.RefreshMeasure)
            return new ReplaceCard(await measureCards.BuildAsync(measure, plan, viewer, null, null, ct));

        if (await authorization.DecideAsync(action.User, measure, ct) != EditDecision.Allowed) return new ShowMessage(texts.NotAllowedFor(measure));
        var form = FormView.Fresh(measure, plan, PlanStatuses.For(measure, index.Current), action.Language);
        return new ShowCard(UpdateFormCard.Build(form));
    }

    private async Task<CardActionResult> ResultOfAsync(UpdateOutcome outcome, CardViewer viewer, UpdateTexts texts, CancellationToken ct) => outcome switch
    {
        UpdateSaved saved => new ReplaceCard(await measureCards.BuildAsync(saved.Measure, saved.Plan, viewer, saved.Change, null, ct)),
        UpdateDuplicate duplicate => new ReplaceCard(await measureCards.BuildAsync(duplicate.Measure, duplicate.Plan, viewer, null, texts.AlreadySaved, ct)),
        UpdateFormAgain again => new ReplaceCard(UpdateFormCard.Build(again.Form)),
        UpdateRefused { Kind: UpdateRefusal.BadForm } bad => new Refuse(bad.Message),
        UpdateRefused { Kind: UpdateRefusal.Failed } failed => new Fail(failed.Message),
        UpdateRefused refused => new ShowMessage(refused.Message),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}."),
    };
}
