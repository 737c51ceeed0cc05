namespace TeamsBot.BotFramework.Connector.Sharing;

/// <summary>
/// One instance's row in the shared-budget store: its <paramref name="Beat"/> (incremented on every heartbeat, so others
/// see it is alive without comparing clocks) and the instances it has <paramref name="Acknowledged"/>: it has already
/// shrunk its own share to make room for them. <see cref="Version"/> is the store's concurrency token, set on reads.
/// </summary>
public sealed record TenantBudgetRow(string InstanceId, long Beat, IReadOnlyList<string> Acknowledged)
{
    public string? Version { get; init; }
}

/// <summary>Where the instances of the app meet to share the per-tenant budget (the app backs it with Table Storage).</summary>
public interface ITenantBudgetStore
{
    Task<IReadOnlyList<TenantBudgetRow>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes this instance's row, whatever is there.</summary>
    Task WriteAsync(TenantBudgetRow row, CancellationToken cancellationToken);

    /// <summary>Deletes the row if it is still as read (its <see cref="TenantBudgetRow.Version"/>); a row since changed or gone is left alone.</summary>
    Task DeleteAsync(TenantBudgetRow row, CancellationToken cancellationToken);
}
