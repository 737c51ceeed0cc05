using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

/// <summary>Builds tokens like the ones the Bot Framework connector and Entra send, and malicious variants.</summary>
public static class TestTokens
{
    public const string AppId = "6f0c1b5e-2d4a-4c59-9a3e-1b2c3d4e5f60";
    public const string TenantId = Testing.TeamsActivities.TenantId;
    public const string OtherTenantId = "99999999-8888-7777-6666-555555555555";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static string Create(
        SecurityKey key,
        string serviceUrl,
        string algorithm = SecurityAlgorithms.RsaSha256,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        DateTime? notBefore = null,
        DateTime? expires = null,
        bool includeServiceUrl = true,
        IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (includeServiceUrl) claims["serviceurl"] = serviceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>
    /// An Entra token for <paramref name="tenantId"/> as an app gets it for this bot (no serviceurl claim): v2 names the
    /// app that asked for it in "azp", v1 in "appid"; <paramref name="caller"/> is that app (the bot itself by default).
    /// </summary>
    public static string CreateEntra(SecurityKey key, string tenantId, bool v1Issuer = false, string caller = AppId) =>
        Create(key, serviceUrl: "", issuer: v1Issuer ? $"https://sts.windows.net/{tenantId}/" : $"https://login.microsoftonline.com/{tenantId}/v2.0",
            includeServiceUrl: false, extraClaims: new Dictionary<string, object>
            {
                ["tid"] = tenantId,
                ["ver"] = v1Issuer ? "1.0" : "2.0",
                [v1Issuer ? "appid" : "azp"] = caller,
            });

    /// <summary>An unsigned token (alg "none") with otherwise valid claims.</summary>
    public static string CreateUnsigned(string keyId, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var header = JsonSerializer.Serialize(new { alg = "none", typ = "JWT", kid = keyId });
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        });
        return $"{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header))}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload))}.";
    }

    /// <summary>The classic key-confusion attack: HS256 with the RSA public key's bytes as the HMAC secret.</summary>
    public static string CreateHmacWithPublicKey(RsaSecurityKey rsaKey, string serviceUrl)
    {
        var publicKeyBytes = rsaKey.Rsa.ExportSubjectPublicKeyInfo();
        var hmacKey = new SymmetricSecurityKey(publicKeyBytes) { KeyId = rsaKey.KeyId };
        return Create(hmacKey, serviceUrl, SecurityAlgorithms.HmacSha256);
    }
}
