using System.Runtime.CompilerServices;
using Azure;
using Microsoft.Extensions.Options;
using TeamsBot.Storage;
using Azure.Data.Tables;

namespace TeamsBot.Measures.Storage;

/// <summary>
/// Plans, measures and history in Table Storage. Every write of a measure carries its history row in the same
/// entity-group transaction, and every update is conditional on the version the writer saw.
/// </summary>
public sealed class MeasureStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    private TableClient Plans => service.GetTableClient(options.Value.TableName("Plans"));
    private TableClient Measures => service.GetTableClient(options.Value.TableName("Measures"));

    public async Task EnsureTablesAsync(CancellationToken ct)
    {
        await Plans.CreateIfNotExistsAsync(ct);
        await Measures.CreateIfNotExistsAsync(ct);
    }

    public async Task UpsertPlanAsync(Plan plan, CancellationToken ct) =>
        await Plans.UpsertEntityAsync(MeasureEntities.ToEntity(plan), TableUpdateMode.Replace, ct);

    public async IAsyncEnumerable<Plan> GetPlansAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MeasureEntities.PlanPartition}");
        await foreach (var entity in Plans.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            yield return MeasureEntities.ToPlan(entity);
    }

    public async Task<Plan?> GetPlanAsync(string planId, CancellationToken ct)
    {
        var response = await Plans.GetEntityIfExistsAsync<TableEntity>(
            MeasureEntities.PlanPartition, TableKeys.Encode(planId), cancellationToken: ct);
        return response.HasValue ? MeasureEntities.ToPlan(response.Value!) : null;
    }

    /// <summary>
    /// All measures (or those the service touched since <paramref name="changedSince"/>), of one plan or all, paged.
    /// <paramref name="forIndex"/> leaves out the import bookkeeping the read index never uses.
    /// </summary>
    public async IAsyncEnumerable<Measure> GetMeasuresAsync(
        DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken ct, string? planId = null, bool forIndex = false)
    {
        var below = MeasureEntities.MeasureRowKeysBelow;
        var kind = MeasureEntities.KindMeasure;
        var filter = (changedSince, planId) switch
        {
            (null, null) => TableClient.CreateQueryFilter($"RowKey lt {below} and Kind eq {kind}"),
            ({ } since, null) => TableClient.CreateQueryFilter($"RowKey lt {below} and Kind eq {kind} and Timestamp ge {since}"),
            (null, { } plan) => TableClient.CreateQueryFilter(
                $"PartitionKey eq {MeasureEntities.PartitionFor(plan)} and RowKey lt {below} and Kind eq {kind}"),
            ({ } since, { } plan) => TableClient.CreateQueryFilter(
                $"PartitionKey eq {MeasureEntities.PartitionFor(plan)} and RowKey lt {below} and Kind eq {kind} and Timestamp ge {since}"),
        };
        var select = forIndex ? MeasureEntities.IndexColumns : null;
        await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select, ct))
            yield return MeasureEntities.ToMeasure(entity);
    }

    public async Task<Measure?> GetMeasureAsync(string planId, string measureId, CancellationToken ct)
    {
        var response = await Measures.GetEntityIfExistsAsync<TableEntity>(
            MeasureEntities.PartitionFor(planId), TableKeys.Encode(measureId), cancellationToken: ct);
        return response.HasValue ? MeasureEntities.ToMeasure(response.Value!) : null;
    }

    public Task<Measure> AddAsync(Measure measure, HistoryEntry history, CancellationToken ct) =>
        WriteAsync(measure, history, TableTransactionActionType.Add, default, ct);

    /// <summary>
    /// Writes the measure if it is still at <see cref="Measure.Version"/>, otherwise <see cref="MeasureConflictException"/>.
    /// A merge: a measure read from the index (without <see cref="Measure.ImportSnapshot"/>) leaves the snapshot as it is.
    /// </summary>
    public Task<Measure> UpdateAsync(Measure measure, HistoryEntry history, CancellationToken ct) =>
        WriteAsync(measure, history, TableTransactionActionType.UpdateMerge, new ETag(measure.Version), ct);

    public async IAsyncEnumerable<HistoryEntry> GetHistoryAsync(
        string planId, string measureId, [EnumeratorCancellation] CancellationToken ct)
    {
        var (from, to) = MeasureEntities.HistoryRange(measureId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {MeasureEntities.PartitionFor(planId)} and RowKey gt {from} and RowKey lt {to}");
        await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            yield return MeasureEntities.ToHistory(entity);
    }

    /// <summary>History rows of every plan written at or after <paramref name="since"/> (one cross-partition query, paged).</summary>
    public async IAsyncEnumerable<HistoryEntry> GetHistorySinceAsync(
        DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"Kind eq {MeasureEntities.KindHistory} and At ge {since}");
        await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            yield return MeasureEntities.ToHistory(entity);
    }

    private async Task<Measure> WriteAsync(
        Measure measure, HistoryEntry history, TableTransactionActionType type, ETag ifMatch, CancellationToken ct)
    {
        TableTransactionAction[] actions =
        [
            new(type, MeasureEntities.ToEntity(measure), ifMatch),
            new(TableTransactionActionType.Add, MeasureEntities.ToEntity(history, Guid.NewGuid().ToString("N")[..8])),
        ];
        try
        {
            var response = await Measures.SubmitTransactionAsync(actions, ct);
            return measure with { Version = response.Value[0].Headers.ETag?.ToString() ?? "" };
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 || e.ErrorCode is "UpdateConditionNotSatisfied" || (e.Status is 404 && type != TableTransactionActionType.Add))
        {
            throw new MeasureConflictException(measure.PlanId, measure.Id, e);
        }
    }
}
