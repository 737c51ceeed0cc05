namespace TeamsBot.BotFramework.Authentication;

/// <summary>
/// The bot's identity and the inbound checks. The four Microsoft* names are top-level configuration keys as in the
/// Bot Framework SDK (so environment variables MicrosoftAppId=… work); the rest may also sit in the "BotFramework" section.
/// </summary>
public sealed class BotFrameworkAuthenticationOptions
{
    public const string SectionName = "BotFramework";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadataUrlTemplate = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>MultiTenant (default when an app id is set), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The bot's Entra app (client) id. Empty = local development mode: no inbound authentication, loopback only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret (MultiTenant/SingleTenant). A secret: never logged.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The organisation's tenant (SingleTenant/UserAssignedMSI; also the only tenant whose Entra tokens are accepted).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Tenants whose activities are processed. Empty: [MicrosoftAppTenantId], or every tenant in development mode.</summary>
    public List<string> AllowedTenantIds { get; set; } = [];

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Metadata of Entra-issued tokens; "{tenantId}" is replaced by MicrosoftAppTenantId.</summary>
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = DefaultEntraOpenIdMetadataUrlTemplate;

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are refetched at least this often.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A token with an unknown key id triggers a refetch at most this often.</summary>
    public TimeSpan UnknownKeyRefetchInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    public string EffectiveAppType => string.IsNullOrWhiteSpace(MicrosoftAppType) ? BotAppTypes.MultiTenant : MicrosoftAppType.Trim();

    /// <summary>The allowed tenants, or null when every tenant is allowed (development mode without a list).</summary>
    public IReadOnlySet<string>? GetAllowedTenants()
    {
        var configured = AllowedTenantIds.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        if (configured.Count > 0) return configured.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (IsDevelopmentMode) return null;
        return string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>([MicrosoftAppTenantId.Trim()], StringComparer.OrdinalIgnoreCase);
    }

    public bool IsTenantAllowed(string? tenantId)
    {
        var allowed = GetAllowedTenants();
        return allowed is null || (!string.IsNullOrEmpty(tenantId) && allowed.Contains(tenantId));
    }
}

public static class BotAppTypes
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";
}
