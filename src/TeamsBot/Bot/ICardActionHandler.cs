using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.Bot;

/// <summary>Handles the card verbs of one capability (e.g. "measure.update", "digest.open").</summary>
public interface ICardActionHandler
{
    bool CanHandle(string verb);

    /// <summary>Action.Execute: the response replaces the card (or shows a message/error) in Teams.</summary>
    Task<AdaptiveCardInvokeResponse> OnExecuteAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken);

    /// <summary>Action.Submit fallback: no invoke response exists, so answer with messages or by updating <see cref="CardAction.ReplyToId"/>.</summary>
    Task OnSubmitAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken);
}
