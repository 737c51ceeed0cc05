using System.Security.Claims;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>The outcome of checking an inbound request. FailureReason is safe to log (it never contains the token).</summary>
public sealed record AuthenticationResult(bool Succeeded, string? FailureReason, ClaimsIdentity? Identity)
{
    public static AuthenticationResult Success(ClaimsIdentity identity) => new(true, null, identity);
    public static AuthenticationResult Failure(string reason) => new(false, reason, null);

    /// <summary>Development mode: nothing was checked.</summary>
    public static AuthenticationResult Anonymous { get; } = new(true, null, new ClaimsIdentity());
}
