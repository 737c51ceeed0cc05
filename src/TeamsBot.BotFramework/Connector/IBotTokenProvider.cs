namespace TeamsBot.BotFramework.Connector;

/// <summary>The bot's bearer token for connector calls; null in development mode (no app id).</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
