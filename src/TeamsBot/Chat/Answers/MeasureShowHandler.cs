using System.Text.Json;
using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat.Answers;

/// <summary>
/// "measure.show" from a list, candidate or not-found row: posts the measure's card as a new message.
/// </summary>
/// <remarks>
/// Why a new message and not the invoke's card response: a card response replaces the card the user pressed, so a
/// list of 23 measures would vanish after the first click, and Teams offers no "keep the card" response. So the
/// measure card is sent as its own message and the invoke answers with a short message response, which Teams shows
/// briefly and which leaves the list as it was. A measure that is gone gets a message response too, not an error:
/// it is not a fault, and the list card stays usable for the other rows.
/// "measure.history" is left to the status-update feature, which replaces the measure card with its history in place.
/// </remarks>
public sealed class MeasureShowHandler(MeasureIndex index, ILogger<MeasureShowHandler> logger) : ICardActionHandler
{
    public bool CanHandle(string verb) => verb == CardVerbs.ShowMeasure;

    public async Task<AdaptiveCardInvokeResponse> OnExecuteAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = AnswerTexts.For(action.Language);
        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId))
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", BotTexts.For(action.Language).UnknownCardAction);
        if (Build(planId, measureId, action) is not ({ } card, { } title))
            return AdaptiveCardInvokeResponse.Message(texts.MeasureNotFound);

        await turn.SendActivityAsync(CardMessages.From(card, title), cancellationToken);
        return AdaptiveCardInvokeResponse.Message(texts.CardSent);
    }

    public async Task OnSubmitAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = AnswerTexts.For(action.Language);
        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId))
        {
            await turn.SendActivityAsync(BotTexts.For(action.Language).UnknownCardAction, cancellationToken);
            return;
        }
        if (Build(planId, measureId, action) is ({ } card, { } title))
            await turn.SendActivityAsync(CardMessages.From(card, title), cancellationToken);
        else
            await turn.SendActivityAsync(texts.MeasureNotFound, cancellationToken);
    }

    private (AdaptiveCard Card, string Title)? Build(string planId, string measureId, CardAction action)
    {
        var snapshot = index.Current;
        if (snapshot.Find(planId, measureId) is not { } measure || !snapshot.Plans.TryGetValue(planId, out var plan))
        {
            logger.LogInformation("measure.show for {PlanId}/{MeasureId}, which is not in the index", planId, measureId);
            return null;
        }
        // Whether the user may edit is decided when they press "Oppdater status"; the edit handler explains a refusal.
        return (MeasureCard.Build(measure, plan, new MeasureView(action.Language, action.Today)), measure.Title);
    }
}
