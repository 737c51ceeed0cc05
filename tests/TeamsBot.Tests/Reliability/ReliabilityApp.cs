using Microsoft.Extensions.Logging;
using TeamsBot.BotFramework.Connector;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Reliability.Fuzz;
using TeamsBot.Tests.Telemetry;

namespace TeamsBot.Tests.Reliability;

/// <summary>
/// The real service for the reliability suites: Azurite under its own prefix with the seed plans imported, the shared
/// loopback connector, every log line kept (HttpClient's at Trace, with headers) for the log scan, a fixed outbound bot token and a
/// configured app password that must never be logged.
/// </summary>
public sealed class ReliabilityApp : IAsyncDisposable
{
    public static readonly string OutboundToken = $"eyJ.reliability-outbound-{Guid.NewGuid():N}.sig";
    public static readonly string InboundToken = $"eyJ.reliability-inbound-{Guid.NewGuid():N}.sig";
    public static readonly string AppPassword = $"app-password-{Guid.NewGuid():N}";

    private ReliabilityApp(TestApp app, LoopbackConnector connector, CapturingLoggerProvider logs)
    {
        App = app;
        Connector = connector;
        Logs = logs;
        Http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TestApp App { get; }
    public LoopbackConnector Connector { get; }
    public CapturingLoggerProvider Logs { get; }
    public HttpClient Http { get; }

    /// <summary>Everything that must not appear in any log line.</summary>
    public static IReadOnlyList<string> Secrets => [OutboundToken, InboundToken, AppPassword, .. LogScan.StorageSecrets];

    public IReadOnlyList<KnownMeasure> Measures =>
        [.. App.Get<MeasureIndex>().Current.All.Select(m => new KnownMeasure(m.PlanId, m.Id))];

    public static async Task<ReliabilityApp> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null,
        bool development = false, LoopbackConnectorOptions? connectorOptions = null)
    {
        var connector = await LoopbackConnector.StartAsync(connectorOptions);
        var logs = new CapturingLoggerProvider();
        var config = new Dictionary<string, string?>
        {
            // Everything, also what production hides: HttpClient's request logs (headers at Trace) and ASP.NET Core's.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["MicrosoftAppPassword"] = AppPassword,
            ["BotConnector:BaseDelay"] = "00:00:00.010",
            ["BotConnector:MaxDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        TestApp? app = null;
        try
        {
            app = await TestApp.CreateAsync(azurite, config, args: development ? ["--environment", "Development"] : null, configure: b =>
            {
                b.Logging.ClearProviders();
                b.Logging.AddProvider(logs);
                b.Services.AddSingleton<IBotTokenProvider>(new FixedBotToken(OutboundToken));
            });
            var report = await app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
            Assert.True(report.Succeeded, string.Join("\n", report.Problems));
            await app.WaitUntilHealthyAsync();
            return new ReliabilityApp(app, connector, logs);
        }
        catch
        {
            if (app is not null) await app.DisposeAsync();
            await connector.DisposeAsync();
            throw;
        }
    }

    public Task<HttpResponseMessage> PostAsync(byte[] body, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
