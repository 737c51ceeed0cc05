using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;

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
        services.GetServices<ICardActionHandler>().Any(h => h is not MeasureHistoryHandler && h.CanHandle(UpdateActions.History)));

    public bool CanHandle(string verb) => verb == UpdateActions.History && !_claimedElsewhere.Value;

    public async Task<AdaptiveCardInvokeResponse> OnExecuteAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = UpdateTexts.For(action.Language);
        if (FormReader.MeasureOf(action.Data) is not ({ } planId, { } measureId))
            return AdaptiveCardInvokeResponse.Error(400, "BadRequest", texts.FormIncomplete);
        if (await locator.FindAsync(planId, measureId, cancellationToken) is not ({ } measure, { } plan))
            return AdaptiveCardInvokeResponse.Message(texts.MeasureNotFound);
        return AdaptiveCardInvokeResponse.Card(await history.BuildCardAsync(measure, plan, action.User, action.Language, cancellationToken));
    }

    public async Task OnSubmitAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var texts = UpdateTexts.For(action.Language);
        if (FormReader.MeasureOf(action.Data) is not ({ } planId, { } measureId))
        {
            await turn.SendActivityAsync(texts.FormIncomplete, cancellationToken);
            return;
        }
        if (await locator.FindAsync(planId, measureId, cancellationToken) is not ({ } measure, { } plan))
        {
            await turn.SendActivityAsync(texts.MeasureNotFound, cancellationToken);
            return;
        }
        await CardReplies.SendCardAsync(turn, await history.BuildCardAsync(measure, plan, action.User, action.Language, cancellationToken), cancellationToken);
    }
}
