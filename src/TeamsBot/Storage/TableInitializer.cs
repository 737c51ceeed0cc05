using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TeamsBot.Storage;

/// <summary>The tables a capability needs; each registers its own with <see cref="StorageServiceCollectionExtensions.AddTable"/>.</summary>
public sealed record RequiredTable(string Name);

/// <summary>Creates every required table before the service takes traffic, so no request meets a missing table.</summary>
public sealed class TableInitializer(
    TableServiceClient service,
    IOptions<StorageOptions> options,
    IEnumerable<RequiredTable> tables,
    ILogger<TableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var table in tables.Select(t => options.Value.TableName(t.Name)).Distinct())
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await service.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken);
                    break;
                }
                catch (Exception e) when (attempt < 5 && e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Creating table {Table} failed (attempt {Attempt}); is the storage account reachable?", table, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
