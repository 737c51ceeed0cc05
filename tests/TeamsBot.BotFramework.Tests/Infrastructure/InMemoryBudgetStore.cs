using TeamsBot.BotFramework.Connector.Sharing;

namespace TeamsBot.BotFramework.Tests;

/// <summary>The shared-budget store as a dictionary, with a version per write like a table's ETag.</summary>
internal sealed class InMemoryBudgetStore : ITenantBudgetStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TenantBudgetRow> _rows = new(StringComparer.Ordinal);
    private long _version;

    public IReadOnlyList<string> Instances
    {
        get
        {
            lock (_gate) return [.. _rows.Keys.Order(StringComparer.Ordinal)];
        }
    }

    public Task<IReadOnlyList<TenantBudgetRow>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<TenantBudgetRow>>([.. _rows.Values]);
    }

    public Task WriteAsync(TenantBudgetRow row, CancellationToken cancellationToken)
    {
        lock (_gate) _rows[row.InstanceId] = row with { Version = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Task.CompletedTask;
    }

    public Task DeleteAsync(TenantBudgetRow row, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(row.InstanceId, out var stored) && (row.Version is null || row.Version == stored.Version))
                _rows.Remove(row.InstanceId);
        }
        return Task.CompletedTask;
    }
}
