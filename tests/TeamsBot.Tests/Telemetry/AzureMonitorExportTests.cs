using System.Net;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Telemetry;

/// <summary>Telemetry leaves the process for Azure Monitor exactly when APPLICATIONINSIGHTS_CONNECTION_STRING is set.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureMonitorExportTests(AzuriteFixture azurite)
{
    private const string Question = "hva er forsinket i 22. juli?";

    [Fact]
    public async Task Without_a_connection_string_spans_are_made_but_nothing_leaves_the_machine_and_nothing_about_telemetry_is_logged()
    {
        using var outgoing = OutgoingRequests.Start();
        var logs = new LogCapture();
        var capture = new TelemetryCapture();
        await using var connector = await LoopbackConnector.StartAsync();
        await using var app = await TestApp.CreateAsync(azurite,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            // Only the capture: every level on the console would flood the test output.
            configure: b => { capture.AttachTo(b); b.Logging.ClearProviders().AddProvider(logs); });
        capture.Bind(app.Services);

        await AskAsync(app, connector);
        Flush(app);

        Assert.Contains(capture.Spans, s => s.OperationName == "chat.answer"); // instrumented, only not exported
        Assert.NotEmpty(outgoing.Requests);
        Assert.All(outgoing.Requests, uri => Assert.True(uri.IsLoopback, $"A request left the machine: {uri.GetLeftPart(UriPartial.Authority)}"));
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("OpenTelemetry", StringComparison.Ordinal)
            || e.Category.StartsWith("Azure.Monitor", StringComparison.Ordinal)
            || e.Category.StartsWith("TeamsBot.Telemetry", StringComparison.Ordinal));
        // (Not the bare word "telemetry": it is in this worktree's path, which the host logs.)
        foreach (var word in new[] { "OpenTelemetry", "Azure Monitor", "AzureMonitor", "Application Insights", "ApplicationInsights", "exporter", "instrumentation" })
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_a_connection_string_requests_calls_and_metrics_reach_Azure_Monitor_without_the_question()
    {
        await using var ingestion = await IngestionServer.StartAsync();
        var instrumentationKey = Guid.NewGuid().ToString();
        var logs = new LogCapture();
        await using var connector = await LoopbackConnector.StartAsync();
        await using var app = await TestApp.CreateAsync(azurite,
            new Dictionary<string, string?> { ["Logging:LogLevel:TeamsBot"] = "Information" },
            configure: b => b.Logging.AddProvider(logs),
            args: [$"--APPLICATIONINSIGHTS_CONNECTION_STRING=InstrumentationKey={instrumentationKey};IngestionEndpoint={ingestion.Endpoint}"]);

        await AskAsync(app, connector);
        Flush(app);

        var envelopes = await ingestion.WaitForAsync(e =>
            e.Any(l => l.Contains("\"RequestData\"") && l.Contains("/api/messages"))
            && e.Any(l => l.Contains("\"RemoteDependencyData\""))
            && e.Any(l => l.Contains("teamsbot.chat.answers")));
        Assert.DoesNotContain(envelopes, l => l.Contains(Question, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(envelopes, l => l.Contains(AzuriteFixture.AccountKey, StringComparison.Ordinal));
        Assert.DoesNotContain(envelopes, l => l.Contains("$filter", StringComparison.Ordinal) || l.Contains("%24filter", StringComparison.Ordinal));

        var notice = Assert.Single(logs.Entries, e => e.Message.Contains("Azure Monitor", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, notice.Level);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(instrumentationKey, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A question answered from the index and the store's rows, replied through the connector.</summary>
    private static async Task AskAsync(TestApp app, LoopbackConnector connector)
    {
        await app.WaitUntilHealthyAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.PostAsync(TeamsActivities.Message(connector.ServiceUrl, Question, "a:export-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await connector.WaitForMessagesAsync(1);
    }

    /// <summary>Exporters, if any, send now (what a periodic export or shutdown would send later).</summary>
    private static void Flush(TestApp app)
    {
        Assert.True(app.Get<TracerProvider>().ForceFlush(10_000));
        Assert.True(app.Get<MeterProvider>().ForceFlush(10_000));
    }
}
