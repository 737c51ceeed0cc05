using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Storage;

namespace TeamsBot.Nudges;

/// <summary>
/// Who has turned due-date nudges off: NudgeOptOuts, PK "user", RK the user's key (Entra object id, else Teams id).
/// A row means "off"; no row means the default, on.
/// </summary>
public sealed class NudgePreferenceStore(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time)
{
    public const string TableName = "NudgeOptOuts";
    private const string Partition = "user";

    private TableClient Table => service.GetTableClient(options.Value.TableName(TableName));

    public Task TurnOffAsync(string userKey, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Encode(userKey)) { ["Since"] = time.GetUtcNow() }, TableUpdateMode.Replace, ct);

    public async Task TurnOnAsync(string userKey, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Partition, TableKeys.Encode(userKey), ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Every key that has turned nudges off, read once per poll.</summary>
    public async Task<IReadOnlySet<string>> ListOffAsync(CancellationToken ct)
    {
        var off = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
            off.Add(TableKeys.Decode(e.RowKey));
        return off;
    }
}
