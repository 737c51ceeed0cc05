namespace TeamsBot.BotFramework;

/// <summary>The application's bot: one call per inbound activity (a turn).</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>Code run in a turn, e.g. a proactive message in <see cref="CloudAdapter.ContinueConversationAsync"/>.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
