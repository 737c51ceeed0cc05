using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Authentication;
using TeamsBot.BotFramework.Tests.Infrastructure;

namespace TeamsBot.BotFramework.Tests;

public class OptionsTests
{
    private static BotFrameworkAuthenticationOptions Bind(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddBotAuthentication(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider().GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;
    }

    [Fact]
    public void The_SDK_names_bind_from_top_level_keys_and_the_allow_list_defaults_to_the_app_tenant()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = TestTokens.TenantId,
        });
        Assert.False(options.IsDevelopmentMode);
        Assert.Equal(TestTokens.AppId, options.MicrosoftAppId);
        Assert.Equal([TestTokens.TenantId], options.GetAllowedTenants()!);
        Assert.True(options.IsTenantAllowed(TestTokens.TenantId.ToUpperInvariant()));
        Assert.False(options.IsTenantAllowed(TestTokens.OtherTenantId));
        Assert.False(options.IsTenantAllowed(null));
        Assert.Equal(BotFrameworkAuthenticationOptions.DefaultOpenIdMetadataUrl, options.OpenIdMetadataUrl);
    }

    [Fact]
    public void Development_mode_allows_every_tenant_unless_a_list_is_given()
    {
        Assert.True(Bind(new()).IsTenantAllowed("any"));
        Assert.True(Bind(new()).IsTenantAllowed(null));
        var listed = Bind(new() { ["BotFramework:AllowedTenantIds:0"] = TestTokens.TenantId });
        Assert.False(listed.IsTenantAllowed("any"));
        Assert.True(listed.IsTenantAllowed(TestTokens.TenantId));
    }

    [Theory]
    [InlineData("SingleTenant", null, TestTokens.TenantId, "MicrosoftAppPassword")]
    [InlineData("SingleTenant", "secret", null, "MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", null, null, "MicrosoftAppTenantId")]
    [InlineData("MultiTenant", "secret", null, "No tenant would be allowed")]
    [InlineData("Federated", "secret", TestTokens.TenantId, "is not MultiTenant")]
    public async Task An_unusable_identity_stops_the_app_at_start(string type, string? password, string? tenant, string expected)
    {
        var config = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        };
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestApp.StartAsync(config));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message.Replace("MicrosoftAppPassword", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_identity_bot_needs_no_password()
    {
        var result = new BotFrameworkAuthenticationOptionsValidator().Validate(null, new BotFrameworkAuthenticationOptions
        {
            MicrosoftAppType = "UserAssignedMSI",
            MicrosoftAppId = TestTokens.AppId,
            MicrosoftAppTenantId = TestTokens.TenantId,
        });
        Assert.True(result.Succeeded);
    }
}
