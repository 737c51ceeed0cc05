using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Updates;

/// <summary>
/// The measure card's "Historikk" button ("measure.history"). The chat's answer handlers may claim the verb too; this
/// one then steps aside (checked once, lazily, to avoid a construction cycle), so exactly one handler answers it.
/// </summary>
public sealed class MeasureHistoryHandler(
    MeasureLocator locator,
    MeasureHistoryReader history,
    IServiceProvider services) : ICardActionHandler
{
    private readonly Lazy<bool> _claimedElsewhere = new(() =>
        services.GetServices<ICardActionHandler>().Any(h => h is not MeasureHistoryHandler && h.CanHandle(CardVerbs.MeasureHistory)));

    public bool CanHandle(string verb) => verb == CardVerbs.MeasureHistory && !_claimedElsewhere.Value;

    public async Task<AdaptiveCardInvokeResponse> OnExecuteAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = UpdateTexts.For(action.Language);
        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId))
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", texts.FormIncomplete);
        if (await locator.FindAsync(planId, measureId, cancellationToken) is not ({ } measure, _))
            return AdaptiveCardInvokeResponse.Message(texts.MeasureNotFound);
        return AdaptiveCardInvokeResponse.Card((await history.BuildCardAsync(measure, action.User, action.Language, cancellationToken)).ToJsonElement());
    }

    public async Task OnSubmitAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = UpdateTexts.For(action.Language);
        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId))
        {
            await turn.SendActivityAsync(texts.FormIncomplete, cancellationToken);
            return;
        }
        if (await locator.FindAsync(planId, measureId, cancellationToken) is not ({ } measure, _))
        {
            await turn.SendActivityAsync(texts.MeasureNotFound, cancellationToken);
            return;
        }
        await CardMessages.SendAsync(turn, await history.BuildCardAsync(measure, action.User, action.Language, cancellationToken), null, cancellationToken);
    }
}
