using TeamsBot.Bot;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using static TeamsBot.Bot.CardActionResult;

namespace TeamsBot.Chat.Answers;

/// <summary>
/// "measure.show" from a list, candidate or not-found row (and the brief's "Vis tiltak"): posts the measure's card as
/// a new message.
/// </summary>
/// <remarks>
/// Why a new message and not the invoke's card response: a card response replaces the card the user pressed, so a
/// list of 23 measures would vanish after the first click, and Teams offers no "keep the card" response. So the
/// measure card is sent as its own message and the invoke answers with a short message response, which Teams shows
/// briefly and which leaves the list as it was. A measure that is gone gets a message response too, not an error:
/// it is not a fault, and the list card stays usable for the other rows.
/// </remarks>
public sealed class MeasureShowHandler(MeasureIndex index, ILogger<MeasureShowHandler> logger) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(CardAction action, CancellationToken cancellationToken) => Task.FromResult(Handle(action));

    private CardActionResult Handle(CardAction action)
    {
        var texts = AnswerTexts.For(action.Language);
        if (MeasureActions.MeasureOf(action.Data) is not ({ } planId, { } measureId))
            return new Refuse(BotTexts.For(action.Language).UnknownCardAction);

        var snapshot = index.Current;
        if (snapshot.Find(planId, measureId) is not { } measure || !snapshot.Plans.TryGetValue(planId, out var plan))
        {
            logger.LogInformation("measure.show for {PlanId}/{MeasureId}, which is not in the index", planId, measureId);
            return new ShowMessage(texts.MeasureNotFound);
        }
        // Whether the user may edit is decided when they press "Oppdater status"; the edit handler explains a refusal.
        var card = MeasureCard.Build(measure, plan, new MeasureView(action.Language, action.Today));
        return new PostCard(card, measure.Title, texts.CardSent);
    }
}
