using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>One cached <see cref="SigningKeySource"/> per metadata URL (Bot Framework, and Entra for the own tenant).</summary>
internal sealed class SigningKeyProvider(
    IHttpClientFactory httpClientFactory,
    TimeProvider time,
    IOptions<BotFrameworkAuthenticationOptions> options,
    ILoggerFactory loggerFactory) : IDisposable
{
    public const string HttpClientName = "BotFrameworkAuth";

    private readonly ConcurrentDictionary<string, SigningKeySource> _sources = new(StringComparer.Ordinal);

    public Task<SigningKey?> GetKeyAsync(string metadataUrl, string keyId, CancellationToken cancellationToken) =>
        _sources.GetOrAdd(metadataUrl, url => new SigningKeySource(
                url,
                httpClientFactory,
                time,
                options.Value,
                loggerFactory.CreateLogger<SigningKeySource>()))
            .GetKeyAsync(keyId, cancellationToken);

    public void Dispose()
    {
        foreach (var source in _sources.Values) source.Dispose();
    }
}
