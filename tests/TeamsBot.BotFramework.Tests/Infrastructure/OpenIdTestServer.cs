using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

/// <summary>
/// Loopback stand-in for login.botframework.com (OpenID metadata + JWKS with endorsements) and for Entra's
/// per-tenant metadata, with request counters.
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];

    private readonly ConcurrentDictionary<string, PublishedKey> _botFrameworkKeys = new();
    private readonly ConcurrentDictionary<string, PublishedKey> _entraKeys = new();
    private int _botFrameworkMetadataFetches;
    private int _botFrameworkKeyFetches;
    private LoopbackServer? _server;

    private sealed record PublishedKey(RsaSecurityKey Key, string[]? Endorsements);

    public RsaSecurityKey BotFrameworkKey { get; } = NewKey("bf-key-1");
    public RsaSecurityKey EntraKey { get; } = NewKey("entra-key-1");

    /// <summary>While true the Bot Framework metadata answers 503 (an outage).</summary>
    public bool Failing { get; set; }

    public int BotFrameworkMetadataFetches => Volatile.Read(ref _botFrameworkMetadataFetches);
    public int BotFrameworkKeyFetches => Volatile.Read(ref _botFrameworkKeyFetches);

    public string BotFrameworkMetadataUrl => _server!.Url("/v1/.well-known/openidconfiguration");
    public string EntraMetadataUrlTemplate => _server!.Url("/{tenantId}/v2.0/.well-known/openid-configuration");

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public static async Task<OpenIdTestServer> StartAsync()
    {
        var server = new OpenIdTestServer();
        server.PublishBotFrameworkKey(server.BotFrameworkKey, ["msteams"]);
        server._entraKeys[server.EntraKey.KeyId] = new PublishedKey(server.EntraKey, null);
        server._server = await LoopbackServer.StartAsync(server.Map);
        return server;
    }

    public void PublishBotFrameworkKey(RsaSecurityKey key, string[] endorsements) =>
        _botFrameworkKeys[key.KeyId] = new PublishedKey(key, endorsements);

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _botFrameworkMetadataFetches);
            if (Failing) return Results.StatusCode(503);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = _server!.Url("/v1/.well-known/keys"),
                ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            });
        });
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _botFrameworkKeyFetches);
            return Results.Json(new { keys = _botFrameworkKeys.Values.Select(Jwk).ToArray() });
        });
        app.MapGet("/{tenantId}/v2.0/.well-known/openid-configuration", (string tenantId) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"https://login.microsoftonline.com/{tenantId}/v2.0",
            ["jwks_uri"] = _server!.Url($"/{tenantId}/discovery/v2.0/keys"),
        }));
        app.MapGet("/{tenantId}/discovery/v2.0/keys", (string tenantId) =>
            Results.Json(new { keys = _entraKeys.Values.Select(Jwk).ToArray() }));
    }

    private static Dictionary<string, object> Jwk(PublishedKey published)
    {
        var parameters = published.Key.Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = published.Key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (published.Endorsements is not null) jwk["endorsements"] = published.Endorsements;
        return jwk;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
