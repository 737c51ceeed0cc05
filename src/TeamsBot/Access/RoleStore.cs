using System.Collections.Frozen;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Storage;

namespace TeamsBot.Access;

/// <summary>
/// The Roles table, read whole (it holds tens of rows) and cached for <see cref="CacheFor"/>: every submit checks roles,
/// and a role granted on another instance is seen within that time. Writes through this store are seen at once.
/// </summary>
public sealed class RoleStore(TableServiceClient service, IOptions<StorageOptions> options, TimeProvider time) : IDisposable
{
    public const string TableName = "Roles";
    public const string Partition = "role";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile RoleSnapshot? _cached;

    private TableClient Table => service.GetTableClient(options.Value.TableName(TableName));

    public void Dispose() => _loading.Dispose();

    public async Task<RoleSnapshot> GetAsync(CancellationToken ct)
    {
        if (_cached is { } fresh && time.GetUtcNow() < fresh.LoadedAt + CacheFor) return fresh;
        await _loading.WaitAsync(ct);
        try
        {
            if (_cached is { } loaded && time.GetUtcNow() < loaded.LoadedAt + CacheFor) return loaded;
            var rows = new List<RoleRecord>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
            await foreach (var entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
                rows.Add(ToRecord(entity));
            var snapshot = new RoleSnapshot(rows, time.GetUtcNow());
            _cached = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task UpsertAsync(RoleRecord record, CancellationToken ct)
    {
        var entity = new TableEntity(Partition, TableKeys.Encode(record.UserKey))
        {
            ["Role"] = string.Join(",", record.Roles.Order(StringComparer.Ordinal)),
            ["PlanIds"] = string.Join(",", record.PlanIds),
            ["OwnerUnits"] = string.Join(",", record.OwnerUnits),
            ["TeamsUserId"] = record.TeamsUserId,
            ["Name"] = record.Name,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        _cached = null;
    }

    public async Task DeleteAsync(string userKey, CancellationToken ct)
    {
        await Table.DeleteEntityAsync(Partition, TableKeys.Encode(userKey), cancellationToken: ct);
        _cached = null;
    }

    private static RoleRecord ToRecord(TableEntity e) => new(
        TableKeys.Decode(e.RowKey),
        List(e.GetString("Role")).Select(r => r.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
        List(e.GetString("PlanIds")),
        List(e.GetString("OwnerUnits")),
        e.GetString("TeamsUserId") is { Length: > 0 } teamsId ? teamsId : null,
        e.GetString("Name"));

    private static List<string> List(string? value) =>
        [.. (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
