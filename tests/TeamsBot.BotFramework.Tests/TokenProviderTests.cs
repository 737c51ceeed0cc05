using Microsoft.Extensions.DependencyInjection;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;
using Activity = TeamsBot.BotFramework.Schema.Activity;

namespace TeamsBot.BotFramework.Tests;

/// <summary>The bot's outbound token: Azure.Identity client credentials against a loopback token endpoint.</summary>
public sealed class TokenProviderTests : IAsyncLifetime
{
    private LoopbackConnector _connector = null!;
    private TokenEndpointServer _tokens = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _tokens = await TokenEndpointServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _tokens.DisposeAsync();
    }

    private ServiceProvider Services(string appType) => ConnectorTests.BuildServices(o =>
        {
            o.AuthorityHost = _tokens.AuthorityHost;
            o.ConfigureCredentialOptions = _tokens.Configure;
            o.BaseDelay = TimeSpan.FromMilliseconds(10);
        },
        new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "client-secret-value",
            ["MicrosoftAppTenantId"] = TestTokens.TenantId,
        },
        _logs);

    [Fact]
    public async Task A_single_tenant_bot_gets_one_token_from_its_tenant_and_reuses_it()
    {
        await using var services = Services("SingleTenant");
        var client = services.GetRequiredService<IConnectorClient>();
        for (var i = 0; i < 3; i++)
            await client.SendToConversationAsync(_connector.ServiceUrl, "a:conversation", Activity.CreateMessageActivity($"m{i}"));

        var tokenRequest = Assert.Single(_tokens.TokenRequests);
        Assert.Equal($"/{TestTokens.TenantId}/oauth2/v2.0/token", tokenRequest.Path);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(TestTokens.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
        Assert.All(_connector.Requests, r => Assert.Equal($"Bearer {TokenEndpointServer.AccessToken}", r.Authorization));
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_multi_tenant_bot_asks_the_botframework_com_tenant()
    {
        await using var services = Services("MultiTenant");
        await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:conversation", Activity.CreateMessageActivity("x"));
        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(_tokens.TokenRequests).Path);
    }

    [Fact]
    public async Task Failures_and_logs_never_contain_the_token_or_the_secret()
    {
        await using var services = Services("SingleTenant");
        for (var i = 0; i < 5; i++) _connector.EnqueueStatus(503, "ServiceUnavailable");
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:conversation", Activity.CreateMessageActivity("x")));
        Assert.DoesNotContain(TokenEndpointServer.AccessToken, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-value", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TokenEndpointServer.AccessToken, _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("client-secret-value", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_from_the_connector_is_retried_once_then_fails()
    {
        await using var services = Services("SingleTenant");
        _connector.EnqueueStatus(401);
        await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:conversation", Activity.CreateMessageActivity("x"));
        Assert.Equal(2, _connector.Requests.Count);

        _connector.EnqueueStatus(401);
        _connector.EnqueueStatus(401);
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(_connector.ServiceUrl, "a:conversation", Activity.CreateMessageActivity("y")));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
    }
}
