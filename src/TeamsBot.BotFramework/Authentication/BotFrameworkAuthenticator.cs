using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamsBot.BotFramework.Schema;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>
/// Validates the JWT the Bot Framework connector (or Entra, for the own tenant) sends with each activity, as documented
/// in "Authentication with the Bot Connector API" (connector to bot).
/// </summary>
internal sealed partial class BotFrameworkAuthenticator(
    SigningKeyProvider keys,
    TimeProvider time,
    IOptions<BotFrameworkAuthenticationOptions> options) : IBotAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    [GeneratedRegex("^https://login\\.microsoftonline\\.com/(?<tid>[0-9a-fA-F-]{36})/v2\\.0$")]
    private static partial Regex EntraV2Issuer();

    [GeneratedRegex("^https://sts\\.windows\\.net/(?<tid>[0-9a-fA-F-]{36})/$")]
    private static partial Regex EntraV1Issuer();

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsDevelopmentMode) return AuthenticationResult.Anonymous;

        if (string.IsNullOrWhiteSpace(authorizationHeader)) return AuthenticationResult.Failure("no Authorization header");

        // The bot's own token is later sent to this URL: never in clear text.
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri) || serviceUri.Scheme != Uri.UriSchemeHttps)
            return AuthenticationResult.Failure("serviceUrl is not https");
        const string scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.Failure("Authorization scheme is not Bearer");
        var raw = authorizationHeader[scheme.Length..].Trim();

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return AuthenticationResult.Failure("malformed token");
        }

        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
            return AuthenticationResult.Failure($"signing algorithm '{Truncate(token.Alg)}' not allowed");
        if (string.IsNullOrEmpty(token.Kid)) return AuthenticationResult.Failure("token has no key id");

        var issuer = token.Issuer;
        bool isBotFramework;
        string metadataUrl;
        if (string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal))
        {
            isBotFramework = true;
            metadataUrl = settings.OpenIdMetadataUrl;
        }
        else if (EntraTenantOf(issuer) is { } issuerTenant)
        {
            if (string.IsNullOrWhiteSpace(settings.MicrosoftAppTenantId)
                || !string.Equals(issuerTenant, settings.MicrosoftAppTenantId.Trim(), StringComparison.OrdinalIgnoreCase))
                return AuthenticationResult.Failure("Entra token from a tenant other than MicrosoftAppTenantId");
            isBotFramework = false;
            metadataUrl = settings.EntraOpenIdMetadataUrlTemplate.Replace("{tenantId}", settings.MicrosoftAppTenantId.Trim(), StringComparison.Ordinal);
        }
        else
        {
            return AuthenticationResult.Failure($"issuer '{Truncate(issuer)}' not trusted");
        }

        var key = await keys.GetKeyAsync(metadataUrl, token.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null) return AuthenticationResult.Failure("signing key not found");

        // Only the signature is checked by the handler; issuer, audience and lifetime are checked below, explicitly,
        // so that the rules are exactly the documented ones and time comes from TimeProvider.
        var validation = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            IssuerSigningKey = key.Key,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            TryAllIssuerSigningKeys = false,
        }).ConfigureAwait(false);
        if (!validation.IsValid) return AuthenticationResult.Failure("invalid signature");

        var now = time.GetUtcNow();
        if (!token.TryGetPayloadValue<long>("exp", out var exp)) return AuthenticationResult.Failure("token has no expiry");
        if (now > DateTimeOffset.FromUnixTimeSeconds(exp) + settings.ClockSkew) return AuthenticationResult.Failure("token expired");
        if (token.TryGetPayloadValue<long>("nbf", out var nbf) && now < DateTimeOffset.FromUnixTimeSeconds(nbf) - settings.ClockSkew)
            return AuthenticationResult.Failure("token not yet valid");

        var appId = settings.MicrosoftAppId!.Trim();
        if (!token.Audiences.Contains(appId, StringComparer.Ordinal)) return AuthenticationResult.Failure("audience is not MicrosoftAppId");

        var hasServiceUrl = token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl);
        if (isBotFramework)
        {
            if (!hasServiceUrl || string.IsNullOrEmpty(serviceUrl)) return AuthenticationResult.Failure("token has no serviceurl claim");
            if (string.IsNullOrEmpty(activity.ChannelId) || !key.Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
                return AuthenticationResult.Failure("signing key not endorsed for the activity's channel");
        }
        else if (!token.TryGetPayloadValue<string>("tid", out var tid)
                 || !string.Equals(tid, settings.MicrosoftAppTenantId!.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Failure("Entra token tid is not MicrosoftAppTenantId");
        }
        else if (!IssuedToOwnApp(token, issuer!, appId))
        {
            // No serviceurl claim vouches for where replies go, so only a token the bot's own registration obtained is
            // taken ("Emulator to bot" in the Bot Connector authentication docs: appid = the bot's app id; the SDK's
            // EmulatorValidation reads appid from v1 tokens and azp from v2 ones).
            return AuthenticationResult.Failure("Entra token was not issued to MicrosoftAppId (azp/appid)");
        }

        // Entra tokens may lack serviceurl; when present it must match as for Bot Framework tokens.
        if (hasServiceUrl && !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return AuthenticationResult.Failure("serviceurl claim does not match the activity's serviceUrl");

        var identity = new ClaimsIdentity(token.Claims, authenticationType: isBotFramework ? "BotFramework" : "Entra");
        return AuthenticationResult.Success(identity);
    }

    /// <summary>The app the Entra token was issued to: "appid" in v1 tokens (sts.windows.net), "azp" in v2 ones.</summary>
    private static bool IssuedToOwnApp(JsonWebToken token, string issuer, string appId)
    {
        var claim = EntraV1Issuer().IsMatch(issuer) ? "appid" : "azp";
        return token.TryGetPayloadValue<string>(claim, out var caller) && string.Equals(caller, appId, StringComparison.OrdinalIgnoreCase);
    }

    private static string? EntraTenantOf(string? issuer)
    {
        if (string.IsNullOrEmpty(issuer)) return null;
        var match = EntraV2Issuer().Match(issuer);
        if (!match.Success) match = EntraV1Issuer().Match(issuer);
        return match.Success ? match.Groups["tid"].Value : null;
    }

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 80 ? value : value[..80];
}
