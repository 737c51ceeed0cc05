using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>
/// Where the bot may send replies (the activity's serviceUrl, or a stored one for proactive messages). In development
/// mode nothing vouches for a serviceUrl, so only loopback hosts are allowed: a forged activity cannot make the bot send
/// what users wrote to another machine. With an app id the token's serviceurl claim vouches for it, and the bot's token
/// travels with each request, so https is required except to a loopback host.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotFrameworkAuthenticationOptions> options)
{
    /// <summary>Null when replies may go to <paramref name="serviceUrl"/>, else why not (safe to log: no URL in it).</summary>
    public string? Refusal(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "serviceUrl is not an absolute http(s) URL";
        if (uri.IsLoopback) return null;
        if (options.Value.IsDevelopmentMode) return "development mode (no MicrosoftAppId) replies only to loopback serviceUrls";
        return uri.Scheme == Uri.UriSchemeHttps ? null : "serviceUrl is not https";
    }
}
