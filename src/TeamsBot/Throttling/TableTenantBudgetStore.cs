using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.BotFramework.Connector.Sharing;
using TeamsBot.Storage;

namespace TeamsBot.Throttling;

/// <summary>
/// The instances' shared-budget rows in Table Storage: RateShares, PK "instance", RK the instance id; Beat and the
/// acknowledged instance ids (space-separated). A few rows, one upsert and one partition read per instance and beat.
/// </summary>
public sealed class TableTenantBudgetStore(TableServiceClient service, IOptions<StorageOptions> options) : ITenantBudgetStore
{
    public const string TableName = "RateShares";
    private const string Partition = "instance";

    private TableClient Table => service.GetTableClient(options.Value.TableName(TableName));

    public async Task<IReadOnlyList<TenantBudgetRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<TenantBudgetRow>();
        await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["RowKey", "Beat", "Acknowledged"], cancellationToken: cancellationToken))
        {
            var acknowledged = e.GetString("Acknowledged") is { Length: > 0 } list
                ? list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TableKeys.Decode).ToList()
                : [];
            rows.Add(new TenantBudgetRow(TableKeys.Decode(e.RowKey), e.GetInt64("Beat") ?? 0, acknowledged) { Version = e.ETag.ToString() });
        }
        return rows;
    }

    public async Task WriteAsync(TenantBudgetRow row, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, TableKeys.Encode(row.InstanceId))
        {
            ["Beat"] = row.Beat,
            ["Acknowledged"] = string.Join(' ', row.Acknowledged.Select(Encode)),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task DeleteAsync(TenantBudgetRow row, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, TableKeys.Encode(row.InstanceId), row.Version is { } version ? new ETag(version) : ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or it beat since we read it: alive after all.
        }
    }

    /// <summary>Ids in a space-separated list: spaces are escaped along with what table keys may not hold.</summary>
    private static string Encode(string id) => TableKeys.Encode(id).Replace(" ", "%20", StringComparison.Ordinal);
}
