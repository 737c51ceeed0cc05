using System.Net;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Bot;

/// <summary>With an app id configured, the service itself (not just the protocol library) refuses unauthenticated activities.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BotAuthenticationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Activities_without_a_valid_token_get_401_and_no_reply(string? authorization)
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var app = await TestApp.CreateAsync(azurite, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "6a1f0f5e-2f7e-4a8f-9c43-1f5a6f2d9c11",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TeamsActivities.TenantId,
            ["MicrosoftAppPassword"] = "not-used-in-this-test",
            // Keys come from a loopback address that answers nothing: no token can validate, and nothing leaves the machine.
            ["OpenIdMetadataUrl"] = "http://127.0.0.1:9/.well-known/openidconfiguration",
        });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = System.Net.Http.Json.JsonContent.Create(TeamsActivities.Message(connector.ServiceUrl, "hjelp")),
        };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // A 401 is answered before any turn starts, and no turn runs in the background after it: nothing to wait for.
        Assert.Empty(connector.Requests);
    }
}
