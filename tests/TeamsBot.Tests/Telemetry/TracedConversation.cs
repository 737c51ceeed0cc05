using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TeamsBot.BotFramework.Connector;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Import;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Tests.Updates;

namespace TeamsBot.Tests.Telemetry;

/// <summary>
/// The real app (Azurite, the seed plans, a loopback connector, telemetry captured in memory) after one chat question
/// and one status update through /api/messages, each request in a trace of its own (traceparent), carrying bearer
/// tokens in and out as Teams and the bot would.
/// </summary>
public sealed class TracedConversation : IAsyncLifetime
{
    /// <summary>Answered from the store's history rows: a Table Storage query with a $filter.</summary>
    public const string Question = "hva er endret siste uke?";
    public const string Plan = "25-juni";
    public const string Measure = "25-juni-22";
    public static readonly string Remark = $"Revisjonen er ferdig, ref {Guid.NewGuid():N}";
    public static readonly string InboundToken = $"eyJ.inbound-{Guid.NewGuid():N}.sig";
    public static readonly string OutboundToken = $"eyJ.outbound-{Guid.NewGuid():N}.sig";

    private readonly AzuriteFixture _azurite = new();

    public TelemetryCapture Capture { get; } = new();
    public TestApp App { get; private set; } = null!;
    public LoopbackConnector Connector { get; private set; } = null!;
    public ActivityTraceId QuestionTrace { get; } = ActivityTraceId.CreateRandom();
    public ActivityTraceId FormTrace { get; } = ActivityTraceId.CreateRandom();
    public ActivityTraceId UpdateTrace { get; } = ActivityTraceId.CreateRandom();
    public JsonObject UpdateResponse { get; private set; } = null!;

    /// <summary>What must never reach an exporter: what the user typed or is, the tokens, the storage key.</summary>
    public static IReadOnlyList<string> Forbidden =>
    [
        Question, Remark, InboundToken, OutboundToken, AzuriteFixture.AccountKey, "SharedKey",
        TestUser.Kari.Id, TestUser.Kari.AadObjectId, TestUser.Kari.Name,
    ];

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        Connector = await LoopbackConnector.StartAsync();
        App = await TestApp.CreateAsync(_azurite, configure: b =>
        {
            Capture.AttachTo(b);
            b.Services.AddSingleton<IBotTokenProvider>(new FixedBotToken(OutboundToken));
        });
        Capture.Bind(App.Services);
        var report = await App.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        Assert.True(report.Succeeded, string.Join("\n", report.Problems));
        await App.WaitUntilHealthyAsync();

        // No trace headers of this client's own: the traceparent each request carries is the one the test chose.
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = App.BaseAddress };
        var question = TeamsActivities.Message(Connector.ServiceUrl, Question, "a:telemetry-1");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, question, QuestionTrace)).StatusCode);
        await Connector.WaitForMessagesAsync(1);

        var opened = await ExecuteAsync(http, CardVerbs.EditMeasure, new JsonObject { ["planId"] = Plan, ["measureId"] = Measure }, FormTrace);
        UpdateResponse = await ExecuteAsync(http, CardVerbs.UpdateMeasure, UpdateHarness.Fill(opened["value"]!.AsObject(), remark: Remark), UpdateTrace);

        foreach (var trace in new[] { QuestionTrace, FormTrace, UpdateTrace })
            await Capture.WaitForTraceAsync(trace, spans => spans.Any(s => s.Kind == ActivityKind.Server));
    }

    private async Task<JsonObject> ExecuteAsync(HttpClient http, string verb, JsonObject data, ActivityTraceId trace)
    {
        var invoke = TeamsActivities.Message(Connector.ServiceUrl, "", "a:telemetry-1");
        invoke.Remove("text");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        var response = await PostAsync(http, invoke, trace);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return body;
    }

    /// <summary>POSTs like Teams: a bearer token, and here a traceparent so the test can find the request's trace.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient http, JsonObject activity, ActivityTraceId trace)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {InboundToken}");
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
