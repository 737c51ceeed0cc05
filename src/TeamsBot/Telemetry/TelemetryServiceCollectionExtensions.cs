using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TeamsBot.BotFramework.Diagnostics;

namespace TeamsBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics: inbound requests (ASP.NET Core, /healthz left out), outgoing HTTP (the
    /// connector, Table Storage, Graph, token endpoints), the protocol layer's and the service's own spans and
    /// instruments; URLs redacted before any exporter. Exported to Azure Monitor when
    /// APPLICATIONINSIGHTS_CONNECTION_STRING is set, otherwise nowhere: no exporter, nothing in the log.
    /// </summary>
    public static IServiceCollection AddTeamsBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TeamsBotTelemetry>();
        services.AddSingleton<ChatTelemetry>();
        services.AddSingleton<CardActionTelemetry>();
        services.AddSingleton<StatusUpdateTelemetry>();
        services.AddSingleton<DigestTelemetry>();
        services.AddSingleton<RoundTelemetry>();
        services.AddSingleton<IndexTelemetry>();

        // Through the metrics builder rather than the provider's AddMeter: a rule matches only meters made by this
        // container's IMeterFactory, so two hosts in one process (the tests) never count each other's measurements.
        services.AddMetrics(metrics => metrics.EnableMetrics(TeamsBotTelemetry.Name).EnableMetrics(BotTelemetry.Name));

        var azureMonitor = AzureMonitorExport.ConnectionString(configuration);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(TeamsBotTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(TeamsBotTelemetry.Name, BotTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz");
                        o.RecordException = false; // an exception's message may quote input
                    })
                    .AddHttpClientInstrumentation(o => o.RecordException = false)
                    .AddProcessor<UrlRedactionProcessor>();
                if (azureMonitor is not null) tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor);
                // A caller's "not sampled" flag (Teams', a test client's) does not decide whether we trace our requests.
                var root = new UnparentedCallsSampler();
                tracing.SetSampler(new ParentBasedSampler(root, remoteParentNotSampled: root));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (azureMonitor is not null) metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor);
            });
        if (azureMonitor is not null) services.AddHostedService<AzureMonitorExport>();
        return services;
    }
}
