using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace TeamsBot.Graph;

/// <summary>
/// Picks the app-only credential for Graph from the bot's settings (the same names the Bot Framework SDK uses):
/// MicrosoftAppType=UserAssignedMSI → the managed identity whose client id is MicrosoftAppId;
/// otherwise MicrosoftAppId + MicrosoftAppPassword + MicrosoftAppTenantId → client secret.
/// </summary>
public static class GraphCredentials
{
    public static TokenCredential? FromConfiguration(IConfiguration configuration, out string? missing)
    {
        var appType = configuration["MicrosoftAppType"];
        var appId = configuration["MicrosoftAppId"];
        if (string.Equals(appType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            var clientId = string.IsNullOrWhiteSpace(appId) ? configuration["AZURE_CLIENT_ID"] : appId;
            if (string.IsNullOrWhiteSpace(clientId))
            {
                missing = "MicrosoftAppType is UserAssignedMSI but MicrosoftAppId (the identity's client id) is empty";
                return null;
            }
            missing = null;
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        var secret = configuration["MicrosoftAppPassword"];
        var tenant = configuration["MicrosoftAppTenantId"];
        if (string.IsNullOrWhiteSpace(appId) || string.IsNullOrWhiteSpace(secret))
        {
            missing = "no MicrosoftAppId/MicrosoftAppPassword and MicrosoftAppType is not UserAssignedMSI";
            return null;
        }
        // App-only Graph calls need the organisation's tenant; the multi-tenant "botframework.com" authority cannot read a directory.
        if (string.IsNullOrWhiteSpace(tenant))
        {
            missing = "MicrosoftAppTenantId is empty (app-only Graph needs the organisation's tenant id)";
            return null;
        }
        missing = null;
        return new ClientSecretCredential(tenant, appId, secret);
    }
}
