using System.Text.Json;
using Azure.Data.Tables;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Reliability;

/// <summary>One stored row as read back: its table (without the test's prefix), keys, ETag and properties as JSON.</summary>
public sealed record StoredRow(string Table, string PartitionKey, string RowKey, string ETag, string Properties)
{
    public override string ToString() => $"{Table}({PartitionKey}, {RowKey})";
}

/// <summary>A row added, removed or changed between two snapshots (Before or After is null when it was added or removed).</summary>
public sealed record RowChange(StoredRow? Before, StoredRow? After)
{
    public StoredRow Row => After ?? Before!;
}

/// <summary>
/// Every row of every table under one prefix in Azurite, read with the official Azure.Data.Tables client (not the
/// app's storage layer), so a test can tell exactly which rows a run added, removed or changed.
/// </summary>
public sealed class StoreSnapshot
{
    private readonly Dictionary<(string Table, string Pk, string Rk), StoredRow> _rows;

    private StoreSnapshot(Dictionary<(string, string, string), StoredRow> rows) => _rows = rows;

    public int Count => _rows.Count;

    public static async Task<StoreSnapshot> TakeAsync(AzuriteFixture azurite, string tablePrefix)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var rows = new Dictionary<(string, string, string), StoredRow>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal)) continue;
            var name = table.Name[tablePrefix.Length..];
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var properties = entity.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(p => p.Key, p => p.Value?.ToString());
                rows[(name, entity.PartitionKey, entity.RowKey)] =
                    new StoredRow(name, entity.PartitionKey, entity.RowKey, entity.ETag.ToString(), JsonSerializer.Serialize(properties));
            }
        }
        return new StoreSnapshot(rows);
    }

    /// <summary>What changed from this snapshot to <paramref name="after"/>.</summary>
    public IReadOnlyList<RowChange> ChangesTo(StoreSnapshot after)
    {
        var changes = new List<RowChange>();
        foreach (var (key, row) in _rows)
        {
            if (!after._rows.TryGetValue(key, out var now)) changes.Add(new RowChange(row, null));
            else if (now.ETag != row.ETag || now.Properties != row.Properties) changes.Add(new RowChange(row, now));
        }
        foreach (var (key, row) in after._rows)
            if (!_rows.ContainsKey(key)) changes.Add(new RowChange(null, row));
        return changes;
    }
}
