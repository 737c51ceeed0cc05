using Microsoft.Extensions.Options;

namespace TeamsBot.BotFramework.Authentication;

/// <summary>Fails at start-up (not at the first message) on a bot identity that could never work.</summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        if (options.IsDevelopmentMode) return ValidateOptionsResult.Success;

        var failures = new List<string>();
        var type = options.EffectiveAppType;
        var isMsi = type.Equals(BotAppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase);
        var isSingle = type.Equals(BotAppTypes.SingleTenant, StringComparison.OrdinalIgnoreCase);
        var isMulti = type.Equals(BotAppTypes.MultiTenant, StringComparison.OrdinalIgnoreCase);
        if (!isMsi && !isSingle && !isMulti)
            failures.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not MultiTenant, SingleTenant or UserAssignedMSI.");
        if ((isSingle || isMulti) && string.IsNullOrEmpty(options.MicrosoftAppPassword))
            failures.Add($"MicrosoftAppPassword is required for MicrosoftAppType {type}.");
        if ((isSingle || isMsi) && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            failures.Add($"MicrosoftAppTenantId is required for MicrosoftAppType {type}.");
        if (options.GetAllowedTenants() is { Count: 0 })
            failures.Add("No tenant would be allowed: set MicrosoftAppTenantId or AllowedTenantIds.");
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out _))
            failures.Add("OpenIdMetadataUrl must be an absolute URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
