using TeamsBot.Bot;
using TeamsBot.Measures.Cards;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Updates;

/// <summary>The measure card's "Historikk" button ("measure.history"): the history in place of the measure card.</summary>
public sealed class MeasureHistoryHandler(MeasureLocator locator, MeasureHistoryReader history) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken)
    {
        var texts = UpdateTexts.For(action.Language);
        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId)) return new Refuse(texts.FormIncomplete);
        if (await locator.FindAsync(planId, measureId, cancellationToken) is not ({ } measure, _)) return new ShowMessage(texts.MeasureNotFound);
        return new ShowCard(await history.BuildCardAsync(measure, action.User, action.Language, cancellationToken));
    }
}
