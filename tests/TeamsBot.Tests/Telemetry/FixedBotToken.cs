using TeamsBot.BotFramework.Connector;

namespace TeamsBot.Tests.Telemetry;

/// <summary>The bot's outbound token, fixed: connector calls carry "Authorization: Bearer {token}" as in production.</summary>
public sealed class FixedBotToken(string token) : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
}
