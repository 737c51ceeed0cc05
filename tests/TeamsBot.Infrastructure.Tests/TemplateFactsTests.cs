using System.Text.Json.Nodes;

namespace TeamsBot.Infrastructure.Tests;

/// <summary>What the deployment (docs/deploy.md) relies on, read from the compiled ARM template.</summary>
[Collection(CompiledTemplateCollection.Name)]
public class TemplateFactsTests(CompiledTemplate template)
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

    private JsonObject WebApp => template.Resource("Microsoft.Web/sites");

    private JsonObject SiteConfig => WebApp["properties"]!["siteConfig"]!.AsObject();

    private Dictionary<string, string> AppSettings =>
        SiteConfig["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    [Fact]
    public void The_web_app_answers_only_https_with_tls_1_2_and_takes_no_ftp()
    {
        Assert.True((bool)WebApp["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)SiteConfig["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)SiteConfig["ftpsState"]);
    }

    [Fact]
    public void Neither_ftp_nor_the_scm_site_accepts_a_publishing_username_and_password()
    {
        var policies = template.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(p => ((string)p["name"]!).Split('\'')[^2], p => (bool)p["properties"]!["allow"]!);

        Assert.Equal(new Dictionary<string, bool> { ["ftp"] = false, ["scm"] = false }, policies);
    }

    [Fact]
    public void The_web_app_runs_dotnet_10_on_linux_always_on_with_the_apps_health_check()
    {
        Assert.True((bool)template.Resource("Microsoft.Web/serverfarms")["properties"]!["reserved"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)SiteConfig["linuxFxVersion"]);
        Assert.True((bool)SiteConfig["alwaysOn"]!);
        Assert.Equal("/healthz/ready", (string?)SiteConfig["healthCheckPath"]);
    }

    [Fact]
    public void Table_storage_takes_only_entra_id_over_https_and_the_identity_may_read_and_write_tables()
    {
        var storage = template.Resource("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);

        var role = template.Resource("Microsoft.Authorization/roleAssignments");
        Assert.Contains("Microsoft.Storage/storageAccounts", (string?)role["scope"]);
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('storageTableDataContributorRoleId'))]",
            (string?)role["properties"]!["roleDefinitionId"]);
        Assert.Equal(StorageTableDataContributor, (string?)template.Arm["variables"]!["storageTableDataContributorRoleId"]);
        Assert.Contains("userAssignedIdentities", (string?)role["properties"]!["principalId"]);
        Assert.Equal("ServicePrincipal", (string?)role["properties"]!["principalType"]);
    }

    [Fact]
    public void The_app_settings_carry_the_bot_framework_names_and_no_secret()
    {
        var settings = AppSettings;

        Assert.Equal(
            ["APPLICATIONINSIGHTS_CONNECTION_STRING", "AZURE_CLIENT_ID", "Graph__Enabled", "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppType", "Storage__TableEndpoint"],
            settings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.EndsWith(".clientId]", settings["MicrosoftAppId"]);
        Assert.Contains("userAssignedIdentities", settings["MicrosoftAppId"]);
        Assert.Equal(settings["MicrosoftAppId"], settings["AZURE_CLIENT_ID"]);
        Assert.EndsWith(".tenantId]", settings["MicrosoftAppTenantId"]);
        Assert.EndsWith(".primaryEndpoints.table]", settings["Storage__TableEndpoint"]);
        Assert.Contains("parameters('graphEnabled')", settings["Graph__Enabled"]);
        Assert.False((bool)template.Arm["parameters"]!["graphEnabled"]!["defaultValue"]!);
    }

    [Fact]
    public void The_bot_is_the_managed_identity_and_teams_reaches_it_at_the_web_apps_https_messages_endpoint()
    {
        var bot = template.Resource("Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Equal(AppSettings["MicrosoftAppId"], (string?)bot["msaAppId"]);
        Assert.Equal(AppSettings["MicrosoftAppTenantId"], (string?)bot["msaAppTenantId"]);
        Assert.StartsWith("[format('https://{0}/api/messages', reference(resourceId('Microsoft.Web/sites'", (string?)bot["endpoint"]);

        var teams = template.Resource("Microsoft.BotService/botServices/channels")["properties"]!;
        Assert.Equal("MsTeamsChannel", (string?)teams["channelName"]);
        Assert.True((bool)teams["properties"]!["isEnabled"]!);
    }
}
