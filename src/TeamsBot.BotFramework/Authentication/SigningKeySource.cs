using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>A signing key with the channels that endorse it (Bot Framework keys carry "endorsements").</summary>
public sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements);

/// <summary>
/// The keys published behind one OpenID metadata document, cached: refreshed when older than the refresh interval,
/// and on an unknown key id at most once per <see cref="BotFrameworkAuthenticationOptions.UnknownKeyRefetchInterval"/>.
/// </summary>
internal sealed class SigningKeySource(
    string metadataUrl,
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    BotFrameworkAuthenticationOptions options,
    ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private DateTimeOffset _lastUnknownKeyRefetch = DateTimeOffset.MinValue;
    private DateTimeOffset _lastFailedRefresh = DateTimeOffset.MinValue;

    /// <summary>After a failed fetch, requests do not refetch for this long (the metadata host is not hammered while down).</summary>
    private static readonly TimeSpan FailedRefreshPause = TimeSpan.FromSeconds(10);

    private sealed record Snapshot(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt);

    public void Dispose() => _gate.Dispose();

    public async Task<SigningKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && !IsStale(snapshot) && snapshot.Keys.TryGetValue(keyId, out var cached)) return cached;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            snapshot = _snapshot;
            var refreshed = false;
            if ((snapshot is null || IsStale(snapshot)) && now - _lastFailedRefresh >= FailedRefreshPause)
            {
                snapshot = await TryRefreshAsync(cancellationToken).ConfigureAwait(false) ?? snapshot;
                refreshed = true;
            }
            if (snapshot is not null && snapshot.Keys.TryGetValue(keyId, out var key)) return key;

            // An unknown key id may be a rotation we have not seen yet, or an attacker's: refetch, but rarely.
            if (now - _lastUnknownKeyRefetch < options.UnknownKeyRefetchInterval) return null;
            _lastUnknownKeyRefetch = now;
            if (!refreshed) snapshot = await TryRefreshAsync(cancellationToken).ConfigureAwait(false) ?? snapshot;
            return snapshot is not null && snapshot.Keys.TryGetValue(keyId, out key) ? key : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsStale(Snapshot snapshot) => time.GetUtcNow() - snapshot.FetchedAt >= options.KeyRefreshInterval;

    private async Task<Snapshot?> TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var http = httpClientFactory.CreateClient(SigningKeyProvider.HttpClientName);
            var metadata = await http.GetFromJsonAsync<JsonElement>(metadataUrl, cancellationToken).ConfigureAwait(false);
            var jwksUri = metadata.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
            if (string.IsNullOrEmpty(jwksUri)) throw new InvalidDataException("OpenID metadata has no jwks_uri");

            var jwks = await http.GetFromJsonAsync<JsonElement>(jwksUri, cancellationToken).ConfigureAwait(false);
            var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
            foreach (var element in jwks.GetProperty("keys").EnumerateArray())
            {
                if (ParseKey(element) is { } key) keys[key.KeyId] = key;
            }
            var snapshot = new Snapshot(keys, time.GetUtcNow());
            _snapshot = snapshot;
            logger.LogInformation("Loaded {KeyCount} signing keys from {MetadataUrl}", keys.Count, metadataUrl);
            return snapshot;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException or KeyNotFoundException
                                       or InvalidOperationException or ArgumentException or TaskCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            // Keep serving the keys we have: a metadata outage must not lock every user out at once.
            _lastFailedRefresh = time.GetUtcNow();
            logger.LogWarning(ex, "Could not refresh signing keys from {MetadataUrl}", metadataUrl);
            return null;
        }
    }

    private static SigningKey? ParseKey(JsonElement element)
    {
        if (!element.TryGetProperty("kid", out var kid) || kid.GetString() is not { Length: > 0 } keyId) return null;
        if (!element.TryGetProperty("kty", out var kty) || kty.GetString() != "RSA") return null;
        if (element.TryGetProperty("use", out var use) && use.GetString() is { } u && u != "sig") return null;

        var endorsements = element.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
            : [];
        var jwk = new JsonWebKey(element.GetRawText());
        return new SigningKey(keyId, jwk, endorsements);
    }
}
