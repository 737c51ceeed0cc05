using Azure;
using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Telemetry;

namespace TeamsBot.Updates;

/// <summary>
/// The card verbs of status updates: "measure.edit" (open the form), "measure.update" (submit it) and
/// "measure.refresh" (the current measure card, for refresh and for the form's Cancel), from Action.Execute or the
/// Action.Submit fallback.
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
    public bool CanHandle(string verb) => verb is CardVerbs.EditMeasure or CardVerbs.UpdateMeasure or CardVerbs.RefreshMeasure;

    public async Task<AdaptiveCardInvokeResponse> OnExecuteAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = UpdateTexts.For(action.Language);
        try
        {
            var reply = await HandleAsync(turn, action, cancellationToken);
            return reply switch
            {
                CardReply card => AdaptiveCardInvokeResponse.Card(card.Card.ToJsonElement()),
                TextReply { IsError: true } error => AdaptiveCardInvokeResponse.Error(400, "BadRequest", error.Text),
                TextReply text => AdaptiveCardInvokeResponse.Message(text.Text),
                _ => throw new InvalidOperationException("Unknown reply."),
            };
        }
        catch (RequestFailedException e)
        {
            logger.LogError(e, "Storage failed during {Verb}", action.Verb);
            return AdaptiveCardInvokeResponse.Error(500, "StorageUnavailable", texts.SaveFailed);
        }
    }

    public async Task OnSubmitAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        Reply reply;
        try
        {
            reply = await HandleAsync(turn, action, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            logger.LogError(e, "Storage failed during {Verb}", action.Verb);
            reply = new TextReply(UpdateTexts.For(action.Language).SaveFailed, IsError: true);
        }

        switch (reply)
        {
            // A new form goes out as a new message (the measure card stays); everything else replaces the card acted on.
            case CardReply { IsNewForm: true } form:
                await CardMessages.SendAsync(turn, form.Card, null, cancellationToken);
                break;
            case CardReply card:
                await CardMessages.ReplaceOrSendAsync(turn, action.ReplyToId, card.Card, cancellationToken);
                break;
            case TextReply text:
                await turn.SendActivityAsync(text.Text, cancellationToken);
                break;
        }
    }

    private abstract record Reply;
    private sealed record CardReply(AdaptiveCard Card, bool IsNewForm = false) : Reply;
    private sealed record TextReply(string Text, bool IsError = false) : Reply;

    private async Task<Reply> HandleAsync(ITurnContext turn, CardAction action, CancellationToken ct)
    {
        var texts = UpdateTexts.For(action.Language);
        var viewer = new CardViewer(action.User, action.Language, action.Today, turn.Activity.Conversation?.ConversationType ?? "personal");
        if (action.Verb == CardVerbs.UpdateMeasure)
        {
            if (FormReader.Read(action.Data, out var defect) is not { } submission)
                return new TextReply(defect == FormDefect.NoMeasure ? texts.FormIncomplete : texts.FormDamaged, IsError: true);
            return await ReplyToAsync(telemetry.Record(await updates.ApplyAsync(submission, action.User, action.Language, ct)), viewer, texts, ct);
        }

        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId)) return new TextReply(texts.FormIncomplete, IsError: true);
        if (await locator.FindAsync(planId, measureId, ct) is not ({ } measure, { } plan)) return new TextReply(texts.MeasureNotFound);

        if (action.Verb == CardVerbs.RefreshMeasure)
            return new CardReply(await measureCards.BuildAsync(measure, plan, viewer, null, null, ct));

        if (await authorization.DecideAsync(action.User, measure, ct) != EditDecision.Allowed) return new TextReply(texts.NotAllowedFor(measure));
        var form = FormView.Fresh(measure, plan, PlanStatuses.For(measure, index.Current), action.Language);
        return new CardReply(UpdateFormCard.Build(form), IsNewForm: true);
    }

    private async Task<Reply> ReplyToAsync(UpdateOutcome outcome, CardViewer viewer, UpdateTexts texts, CancellationToken ct) => outcome switch
    {
        UpdateSaved saved => new CardReply(await measureCards.BuildAsync(saved.Measure, saved.Plan, viewer, saved.Change, null, ct)),
        UpdateDuplicate duplicate => new CardReply(await measureCards.BuildAsync(duplicate.Measure, duplicate.Plan, viewer, null, texts.AlreadySaved, ct)),
        UpdateFormAgain again => new CardReply(UpdateFormCard.Build(again.Form)),
        UpdateRefused { Kind: UpdateRefusal.BadForm } bad => new TextReply(bad.Message, IsError: true),
        UpdateRefused refused => new TextReply(refused.Message),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.GetType().Name}."),
    };
}
