using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TeamsBot.Storage;

/// <summary>Whether the storage answered the last probe, and since when it has not.</summary>
public sealed record StorageState(bool Reachable, DateTimeOffset CheckedAt, DateTimeOffset? UnreachableSince);

/// <summary>
/// A cheap probe of the storage for /healthz: one query for a single key of a table every instance creates at start.
/// Its result is reused for <see cref="StorageOptions.HealthProbeCacheFor"/> and concurrent checks share one probe,
/// so a burst of health checks costs one storage request.
/// </summary>
public sealed class StorageHealth(
    TableServiceClient service,
    IOptions<StorageOptions> options,
    IEnumerable<RequiredTable> tables,
    TimeProvider time,
    ILogger<StorageHealth> logger)
{
    // Longer than a refused connection takes through the SDK's retries, short enough for a health check.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private StorageState? _last;
    private Task<StorageState>? _probing;

    public Task<StorageState> CheckAsync()
    {
        lock (_gate)
        {
            if (_last is { } last && time.GetUtcNow() < last.CheckedAt + options.Value.HealthProbeCacheFor) return Task.FromResult(last);
            return _probing ??= ProbeAsync();
        }
    }

    private async Task<StorageState> ProbeAsync()
    {
        await Task.Yield(); // never run the probe under the lock
        var reachable = await AnswersAsync();
        lock (_gate)
        {
            var now = time.GetUtcNow();
            DateTimeOffset? since = reachable ? null : _last?.UnreachableSince ?? now;
            if (reachable && _last is { Reachable: false } was)
                logger.LogInformation("Storage reachable again after being unreachable since {Since:O}", was.UnreachableSince);
            else if (!reachable && _last is not { Reachable: false })
                logger.LogWarning("Storage unreachable: the health probe failed");
            _last = new StorageState(reachable, now, since);
            _probing = null;
            return _last;
        }
    }

    private async Task<bool> AnswersAsync()
    {
        var table = service.GetTableClient(options.Value.TableName(tables.First().Name));
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token).AsPages())
                break;
            return true;
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e) || e is Azure.RequestFailedException)
        {
            return false;
        }
    }
}
