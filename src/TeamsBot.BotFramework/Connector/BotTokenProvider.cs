using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Authentication;

namespace TeamsBot.BotFramework.Connector;

/// <summary>
/// Client credentials (MultiTenant: tenant botframework.com; SingleTenant: MicrosoftAppTenantId) or a user-assigned
/// managed identity (UserAssignedMSI: client id = MicrosoftAppId), cached until shortly before expiry.
/// </summary>
internal sealed class BotTokenProvider : IBotTokenProvider, IDisposable
{
    private readonly TokenCredential? _credential;
    private readonly BotConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;

    public BotTokenProvider(IOptions<BotFrameworkAuthenticationOptions> auth, IOptions<BotConnectorOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _credential = CreateCredential(auth.Value, _options);
    }

    public void Dispose() => _gate.Dispose();

    public async ValueTask<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_credential is null) return null;
        if (!forceRefresh && Fresh(_cached) is { } token) return token;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!forceRefresh && Fresh(_cached) is { } again) return again;
            var fetched = await _credential.GetTokenAsync(new TokenRequestContext([_options.Scope]), cancellationToken).ConfigureAwait(false);
            _cached = fetched;
            return fetched.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh(AccessToken? token) =>
        token is { } t && _time.GetUtcNow() < t.ExpiresOn - _options.TokenRefreshMargin ? t.Token : null;

    private static TokenCredential? CreateCredential(BotFrameworkAuthenticationOptions auth, BotConnectorOptions options)
    {
        if (auth.IsDevelopmentMode) return null;
        var appId = auth.MicrosoftAppId!.Trim();
        switch (auth.EffectiveAppType)
        {
            case var t when t.Equals(BotAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase):
            {
                var msi = new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(appId));
                Configure(msi, options);
                return new ManagedIdentityCredential(msi);
            }
            case var t when t.Equals(BotAppTypes.SingleTenant, StringComparison.OrdinalIgnoreCase):
                if (string.IsNullOrWhiteSpace(auth.MicrosoftAppTenantId))
                    throw new InvalidOperationException("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId.");
                return ClientSecret(auth.MicrosoftAppTenantId.Trim(), appId, auth, options);
            case var t when t.Equals(BotAppTypes.MultiTenant, StringComparison.OrdinalIgnoreCase):
                return ClientSecret("botframework.com", appId, auth, options);
            default:
                throw new InvalidOperationException($"Unknown MicrosoftAppType '{auth.MicrosoftAppType}' (MultiTenant, SingleTenant or UserAssignedMSI).");
        }
    }

    private static ClientSecretCredential ClientSecret(string tenant, string appId, BotFrameworkAuthenticationOptions auth, BotConnectorOptions options)
    {
        if (string.IsNullOrEmpty(auth.MicrosoftAppPassword))
            throw new InvalidOperationException("MicrosoftAppPassword is required for MultiTenant and SingleTenant bots.");
        var credentialOptions = new ClientSecretCredentialOptions();
        Configure(credentialOptions, options);
        return new ClientSecretCredential(tenant, appId, auth.MicrosoftAppPassword, credentialOptions);
    }

    private static void Configure(TokenCredentialOptions credentialOptions, BotConnectorOptions options)
    {
        if (options.AuthorityHost is not null) credentialOptions.AuthorityHost = options.AuthorityHost;
        options.ConfigureCredentialOptions?.Invoke(credentialOptions);
    }
}
