using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsBot.BotFramework.Hosting;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

/// <summary>A bot service on loopback: AddBotFramework + MapBotMessages, as Program.cs wires it, with <see cref="TestBot"/>.</summary>
public sealed class BotTestApp : IAsyncDisposable
{
    private BotTestApp(LoopbackServer server, TestBot bot, FakeTimeProvider time)
    {
        Server = server;
        Bot = bot;
        Time = time;
        Client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LoopbackServer Server { get; }
    public TestBot Bot { get; }
    /// <summary>The app's clock, stopped at the real time of the start until a test advances it (unless started on the system clock).</summary>
    public FakeTimeProvider Time { get; }
    public HttpClient Client { get; }

    /// <summary>Configuration of a bot with an app id, trusting <paramref name="openId"/>.</summary>
    public static Dictionary<string, string?> SecuredConfiguration(OpenIdTestServer openId) => new()
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = TestTokens.AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppTenantId"] = TestTokens.TenantId,
        ["BotFramework:OpenIdMetadataUrl"] = openId.BotFrameworkMetadataUrl,
        ["BotFramework:EntraOpenIdMetadataUrlTemplate"] = openId.EntraMetadataUrlTemplate,
    };

    /// <param name="systemClock">Run on the system clock (real timers, e.g. for the turn budget) instead of <see cref="Time"/>.</param>
    public static async Task<BotTestApp> StartAsync(IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? services = null,
        bool systemClock = false)
    {
        var bot = new TestBot();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = await LoopbackServer.StartAsync(
            app => app.MapBotMessages("/api/messages"),
            configuration,
            s =>
            {
                if (!systemClock) s.AddSingleton<TimeProvider>(time);
                s.AddBotFramework(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
                    .AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
                s.AddSingleton<IBot>(bot);
                services?.Invoke(s);
            });
        return new BotTestApp(server, bot, time);
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity, string? bearerToken = null) =>
        PostRawAsync(activity.ToJsonString(), bearerToken is null ? null : new AuthenticationHeaderValue("Bearer", bearerToken));

    public Task<HttpResponseMessage> PostRawAsync(string body, AuthenticationHeaderValue? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = authorization;
        return Client.SendAsync(request);
    }

    public int BackgroundTurnsRunning => Server.Services.GetRequiredService<BackgroundTurns>().RunningCount;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
