namespace TeamsBot.Telemetry;

/// <summary>
/// Whether telemetry goes to Azure Monitor: exactly when APPLICATIONINSIGHTS_CONNECTION_STRING (the name Azure and the
/// Bicep in infra/ use) is set. Says so once at start; the connection string itself is never logged.
/// </summary>
public sealed class AzureMonitorExport(ILogger<AzureMonitorExport> logger) : IHostedService
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Traces and metrics are exported to Azure Monitor (Application Insights)");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
