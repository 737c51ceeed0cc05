using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TeamsBot.BotFramework.Authentication;
using TeamsBot.BotFramework.Tests.Infrastructure;
using TeamsBot.Testing;

namespace TeamsBot.BotFramework.Tests;

public sealed class OpenIdFixture : IAsyncLifetime
{
    public OpenIdTestServer Server { get; private set; } = null!;
    public async Task InitializeAsync() => Server = await OpenIdTestServer.StartAsync();
    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Inbound authentication through the real endpoint: every refusal is a 401 and the bot never runs.</summary>
public class AuthenticationTests(OpenIdFixture fixture) : IClassFixture<OpenIdFixture>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    /// <summary>Development mode replies only to loopback; nothing listens on port 9 (the bot under test never replies anyway).</summary>
    private const string LoopbackServiceUrl = "http://127.0.0.1:9/teams/";
    private OpenIdTestServer OpenId => fixture.Server;

    [Fact]
    public async Task A_valid_Bot_Framework_token_is_accepted()
    {
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(OpenId));
        var response = await app.PostAsync(TeamsActivities.Message(ServiceUrl), TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Bot.Turns);
    }

    [Fact]
    public async Task The_serviceurl_claim_is_compared_case_insensitively()
    {
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(OpenId));
        var response = await app.PostAsync(TeamsActivities.Message(ServiceUrl), TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl.ToUpperInvariant()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("no header", "no Authorization header")]
    [InlineData("wrong scheme", "not Bearer")]
    [InlineData("garbage", "malformed token")]
    [InlineData("bad signature", "invalid signature")]
    [InlineData("unknown kid", "signing key not found")]
    [InlineData("expired", "token expired")]
    [InlineData("not yet valid", "not yet valid")]
    [InlineData("no expiry", "no expiry")]
    [InlineData("wrong issuer", "not trusted")]
    [InlineData("issuer with trailing slash", "not trusted")]
    [InlineData("wrong audience", "audience")]
    [InlineData("missing serviceurl", "no serviceurl claim")]
    [InlineData("different serviceurl", "serviceurl claim does not match")]
    [InlineData("missing endorsement", "not endorsed")]
    [InlineData("alg none", "'none' not allowed")]
    [InlineData("http serviceUrl", "serviceUrl is not https")]
    [InlineData("HS256 with the public key", "'HS256' not allowed")]
    [InlineData("Entra token from another tenant", "tenant other than MicrosoftAppTenantId")]
    [InlineData("Entra-shaped token signed by the Bot Framework key", "signing key not found")]
    public async Task Bad_tokens_get_401_and_never_reach_the_bot(string variant, string reason)
    {
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(OpenId));
        var activity = TeamsActivities.Message(ServiceUrl);
        var now = DateTime.UtcNow;
        var header = variant switch
        {
            "no header" => null,
            "wrong scheme" => new AuthenticationHeaderValue("Basic", Convert.ToBase64String("user:pass"u8.ToArray())),
            "garbage" => Bearer("not.a.jwt"),
            "bad signature" => Bearer(TestTokens.Create(new RsaSecurityKey(OpenIdTestServer.NewKey("x").Rsa) { KeyId = OpenId.BotFrameworkKey.KeyId }, ServiceUrl)),
            "unknown kid" => Bearer(TestTokens.Create(OpenIdTestServer.NewKey("unpublished"), ServiceUrl)),
            "expired" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6))),
            "not yet valid" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl, notBefore: now.AddMinutes(6), expires: now.AddHours(1))),
            "no expiry" => Bearer(NoExpiry()),
            "wrong issuer" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl, issuer: "https://evil.example.com")),
            "issuer with trailing slash" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl, issuer: "https://api.botframework.com/")),
            "wrong audience" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl, audience: "some-other-bot")),
            "missing serviceurl" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl, includeServiceUrl: false)),
            "different serviceurl" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, "https://attacker.example.com/")),
            "missing endorsement" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl)),
            "http serviceUrl" => Bearer(TestTokens.Create(OpenId.BotFrameworkKey, "http://smba.trafficmanager.net/emea/")),
            "alg none" => Bearer(TestTokens.CreateUnsigned(OpenId.BotFrameworkKey.KeyId, ServiceUrl)),
            "HS256 with the public key" => Bearer(TestTokens.CreateHmacWithPublicKey(OpenId.BotFrameworkKey, ServiceUrl)),
            "Entra token from another tenant" => Bearer(TestTokens.CreateEntra(OpenId.EntraKey, TestTokens.OtherTenantId)),
            "Entra-shaped token signed by the Bot Framework key" => Bearer(TestTokens.CreateEntra(OpenId.BotFrameworkKey, TestTokens.TenantId)),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        if (variant == "missing endorsement") activity["channelId"] = "webchat";
        if (variant == "http serviceUrl") activity["serviceUrl"] = "http://smba.trafficmanager.net/emea/";

        var response = await app.PostRawAsync(activity.ToJsonString(), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Bot.Calls);
        var refusal = Assert.Single(app.Server.Logs.Entries, e => e.Message.Contains("authentication failed", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, refusal.Level);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        if (header?.Parameter is { Length: > 10 } token) Assert.DoesNotContain(token, app.Server.Logs.AllText, StringComparison.Ordinal);

        string NoExpiry()
        {
            var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
            return handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = TestTokens.BotFrameworkIssuer,
                Audience = TestTokens.AppId,
                Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
                SigningCredentials = new SigningCredentials(OpenId.BotFrameworkKey, SecurityAlgorithms.RsaSha256),
            });
        }
    }

    [Fact]
    public async Task Lifetime_allows_five_minutes_of_clock_skew_and_uses_the_injected_clock()
    {
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(OpenId));
        var now = DateTime.UtcNow;
        var justExpired = TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-4));
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), justExpired)).StatusCode);

        var valid = TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl);
        app.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), valid)).StatusCode);
        Assert.Single(app.Bot.Turns);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_Entra_token_for_the_configured_tenant_is_accepted(bool v1Issuer)
    {
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(OpenId));
        var token = TestTokens.CreateEntra(OpenId.EntraKey, TestTokens.TenantId, v1Issuer);
        var response = await app.PostAsync(TeamsActivities.Message(ServiceUrl), token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Bot.Turns);
    }

    [Theory]
    [InlineData("v2 token another app asked for")]
    [InlineData("v1 token another app asked for")]
    [InlineData("v2 token naming the bot only in appid")]
    [InlineData("v1 token naming the bot only in azp")]
    [InlineData("token naming no app")]
    public async Task An_Entra_token_the_bot_did_not_obtain_itself_gets_401(string variant)
    {
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(OpenId));
        const string otherApp = "0a0b0c0d-1111-2222-3333-444455556666";
        string Entra(bool v1, Dictionary<string, object> claims) => TestTokens.Create(OpenId.EntraKey, serviceUrl: "",
            issuer: v1 ? $"https://sts.windows.net/{TestTokens.TenantId}/" : $"https://login.microsoftonline.com/{TestTokens.TenantId}/v2.0",
            includeServiceUrl: false, extraClaims: new Dictionary<string, object>(claims) { ["tid"] = TestTokens.TenantId });
        var token = variant switch
        {
            "v2 token another app asked for" => TestTokens.CreateEntra(OpenId.EntraKey, TestTokens.TenantId, caller: otherApp),
            "v1 token another app asked for" => TestTokens.CreateEntra(OpenId.EntraKey, TestTokens.TenantId, v1Issuer: true, caller: otherApp),
            "v2 token naming the bot only in appid" => Entra(v1: false, new() { ["ver"] = "2.0", ["appid"] = TestTokens.AppId }),
            "v1 token naming the bot only in azp" => Entra(v1: true, new() { ["ver"] = "1.0", ["azp"] = TestTokens.AppId }),
            "token naming no app" => Entra(v1: false, new() { ["ver"] = "2.0" }),
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };

        var response = await app.PostAsync(TeamsActivities.Message("https://attacker.example.com/"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Bot.Calls);
        Assert.Contains(app.Server.Logs.Entries, e => e.Message.Contains("not issued to MicrosoftAppId (azp/appid)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_activity_from_a_tenant_not_allowed_gets_403_and_is_not_processed()
    {
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(OpenId));
        var activity = TeamsActivities.Message(ServiceUrl, tenantId: TestTokens.OtherTenantId);
        var response = await app.PostAsync(activity, TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(app.Bot.Calls);
        Assert.DoesNotContain("hello", app.Server.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_allow_list_replaces_the_app_tenant()
    {
        var config = BotTestApp.SecuredConfiguration(OpenId);
        config["AllowedTenantIds:0"] = TestTokens.OtherTenantId;
        await using var app = await BotTestApp.StartAsync(config);
        var token = TestTokens.Create(OpenId.BotFrameworkKey, ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(TeamsActivities.Message(ServiceUrl, tenantId: TestTokens.OtherTenantId), token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.PostAsync(TeamsActivities.Message(ServiceUrl, tenantId: TestTokens.TenantId), token)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_key_id_refetches_the_keys_at_most_once_per_five_minutes()
    {
        await using var openId = await OpenIdTestServer.StartAsync();
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(openId));
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), TestTokens.Create(openId.BotFrameworkKey, ServiceUrl))).StatusCode);
        Assert.Equal(1, openId.BotFrameworkKeyFetches);

        var rotated = OpenIdTestServer.NewKey("rotated-key");
        var rotatedToken = TestTokens.Create(rotated, ServiceUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), rotatedToken)).StatusCode);
        Assert.Equal(2, openId.BotFrameworkKeyFetches);

        // The key is now published, but another refetch within 5 minutes is refused: an attacker cannot make us hammer the metadata.
        openId.PublishBotFrameworkKey(rotated, ["msteams"]);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), rotatedToken)).StatusCode);
        Assert.Equal(2, openId.BotFrameworkKeyFetches);

        app.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), rotatedToken)).StatusCode);
        Assert.Equal(3, openId.BotFrameworkKeyFetches);
        Assert.Equal(2, app.Bot.Turns.Count);
    }

    [Fact]
    public async Task Keys_are_refreshed_after_24_hours_even_when_known()
    {
        await using var openId = await OpenIdTestServer.StartAsync();
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(openId));
        var token = TestTokens.Create(openId.BotFrameworkKey, ServiceUrl);
        await app.PostAsync(TeamsActivities.Message(ServiceUrl), token);
        await app.PostAsync(TeamsActivities.Message(ServiceUrl), token);
        Assert.Equal(1, openId.BotFrameworkMetadataFetches);

        app.Time.Advance(TimeSpan.FromHours(24));
        var later = app.Time.GetUtcNow().UtcDateTime;
        var laterToken = TestTokens.Create(openId.BotFrameworkKey, ServiceUrl, notBefore: later.AddMinutes(-1), expires: later.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), laterToken)).StatusCode);
        Assert.Equal(2, openId.BotFrameworkMetadataFetches);
    }

    [Fact]
    public async Task A_metadata_outage_keeps_the_cached_keys_and_does_not_hammer_the_host()
    {
        await using var openId = await OpenIdTestServer.StartAsync();
        await using var app = await BotTestApp.StartAsync(BotTestApp.SecuredConfiguration(openId));
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), TestTokens.Create(openId.BotFrameworkKey, ServiceUrl))).StatusCode);

        openId.Failing = true;
        app.Time.Advance(TimeSpan.FromHours(25));
        var later = app.Time.GetUtcNow().UtcDateTime;
        var laterToken = TestTokens.Create(openId.BotFrameworkKey, ServiceUrl, notBefore: later.AddMinutes(-1), expires: later.AddHours(1));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await app.PostAsync(TeamsActivities.Message(ServiceUrl), laterToken)).StatusCode);

        Assert.Equal(2, openId.BotFrameworkMetadataFetches); // one failed refresh, then a pause
        Assert.Contains(app.Server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Could not refresh signing keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_mode_guard_stops_the_app_when_bound_beyond_loopback()
    {
        var lifetime = new FakeLifetime();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IServer>(new FakeServer("http://127.0.0.1:3978", "http://0.0.0.0:3978"))
            .BuildServiceProvider();
        var guard = new DevelopmentModeGuard(services, lifetime, Options.Create(new BotFrameworkAuthenticationOptions()),
            new Logger<DevelopmentModeGuard>(new SingleProviderFactory(logs)));
        await guard.StartAsync(CancellationToken.None);
        lifetime.Started.Cancel();

        Assert.True(lifetime.StopRequested);
        var critical = Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("0.0.0.0", critical.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_mode_accepts_unauthenticated_activities_on_loopback_with_a_warning()
    {
        await using var app = await BotTestApp.StartAsync();
        var response = await app.PostAsync(TeamsActivities.Message(LoopbackServiceUrl, tenantId: "any-tenant"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Bot.Turns);
        Assert.Contains(app.Server.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Development mode", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Server.Logs.Entries, e => e.Level == LogLevel.Critical);
    }

    [Theory]
    [InlineData("https://203.0.113.7/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://0.0.0.0:3978/")]
    [InlineData("http://10.0.0.4/teams/")]
    [InlineData("http://localhost.example.com/")]
    public async Task Development_mode_refuses_an_activity_whose_serviceUrl_is_not_loopback(string serviceUrl)
    {
        await using var app = await BotTestApp.StartAsync();
        var response = await app.PostAsync(TeamsActivities.Message(serviceUrl, "a question nobody may read"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("loopback", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(app.Bot.Calls);
        Assert.DoesNotContain("a question nobody may read", app.Server.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("http://10.0.0.4:3978", false)]
    public void Development_mode_guard_only_accepts_loopback_addresses(string address, bool loopback) =>
        Assert.Equal(loopback, DevelopmentModeGuard.IsLoopback(address));

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();
        public bool StopRequested { get; private set; }
        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => StopRequested = true;
    }

    private sealed class FakeServer : IServer, IServerAddressesFeature
    {
        public FakeServer(params string[] addresses)
        {
            foreach (var address in addresses) Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(this);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();
        public ICollection<string> Addresses { get; } = new List<string>();
        public bool PreferHostingUrls { get; set; }
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }

    private sealed class SingleProviderFactory(ILoggerProvider provider) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() { }
    }
}
