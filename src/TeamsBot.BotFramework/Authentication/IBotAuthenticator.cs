using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>Checks the Authorization header of an inbound activity (connector → bot).</summary>
public interface IBotAuthenticator
{
    Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
