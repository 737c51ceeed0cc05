using TeamsBot.Cards;

namespace TeamsBot.Bot;

/// <summary>
/// Gives each top-level Action.Execute of a card an Action.Submit fallback (Microsoft's advice for clients without
/// Universal Actions): same title, data and inputs, plus the verb in the data under <see cref="CardAction.SubmitVerbKey"/>,
/// where the router reads it back.
/// </summary>
public static class SubmitFallbacks
{
    public static AdaptiveCard AddTo(AdaptiveCard card)
    {
        foreach (var action in card.Actions.OfType<AdaptiveExecuteAction>())
        {
            if (action.Verb is null || action.Fallback is not null) continue;
            var data = action.Data?.DeepClone().AsObject() ?? [];
            data[CardAction.SubmitVerbKey] = action.Verb;
            action.Fallback = new AdaptiveFallbackElement(new AdaptiveSubmitAction
            {
                Title = action.Title, Data = data, AssociatedInputs = action.AssociatedInputs,
            });
        }
        return card;
    }
}
