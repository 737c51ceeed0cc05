using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace TeamsBot.Graph;

/// <summary>
/// Hands out Graph clients over HttpClients from IHttpClientFactory (so handlers are pooled and rotated), all sharing
/// one credential; Azure.Identity caches the token until shortly before it expires.
/// </summary>
public sealed class GraphClientSource(IHttpClientFactory httpClientFactory, TokenCredential credential, GraphOptions options)
{
    public const string HttpClientName = "TeamsBot.Graph";

    public string BaseUrl { get; } = options.BaseUrl.TrimEnd('/');

    // The token is only ever attached to requests for the configured Graph host (including its @odata.nextLink pages).
    private readonly AzureIdentityAuthenticationProvider _authentication =
        new(credential, [new Uri(options.BaseUrl).Host], observabilityOptions: null, isCaeEnabled: false, scopes: [GraphOptions.Scope]);

    public GraphServiceClient Create() => new(httpClientFactory.CreateClient(HttpClientName), _authentication, BaseUrl);
}
