using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TeamsBot.Storage;

namespace TeamsBot.Measures.Storage;

/// <summary>
/// Plans, measures, history and form receipts in Table Storage; the only code that writes measure rows. Every write of
/// a measure is one entity-group transaction of the measure, its history row and (for a form) its receipt, and every
/// update is conditional on the version the writer saw.
/// </summary>
public sealed class MeasureStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    /// <summary>A measure and its history row are two actions; the service takes at most 100 per transaction.</summary>
    public const int MeasuresPerTransaction = 50;

    private const int ParallelTransactions = 4;

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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MeasureKeys.PlanPartition}");
        await foreach (var entity in Plans.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            yield return MeasureEntities.ToPlan(entity);
    }

    public async Task<Plan?> GetPlanAsync(string planId, CancellationToken ct)
    {
        var response = await Plans.GetEntityIfExistsAsync<TableEntity>(
            MeasureKeys.PlanPartition, MeasureKeys.PlanRow(planId), cancellationToken: ct);
        return response.HasValue ? MeasureEntities.ToPlan(response.Value!) : null;
    }

    /// <summary>
    /// All measures (or those the service touched since <paramref name="changedSince"/>), of one plan or all, paged.
    /// <paramref name="forIndex"/> leaves out the import bookkeeping the read index never uses.
    /// </summary>
    public async IAsyncEnumerable<Measure> GetMeasuresAsync(
        DateTimeOffset? changedSince, [EnumeratorCancellation] CancellationToken ct, string? planId = null, bool forIndex = false)
    {
        var below = MeasureKeys.MeasureRowsBelow;
        var kind = MeasureKeys.KindMeasure;
        var filter = (changedSince, planId) switch
        {
            (null, null) => TableClient.CreateQueryFilter($"RowKey lt {below} and Kind eq {kind}"),
            ({ } since, null) => TableClient.CreateQueryFilter($"RowKey lt {below} and Kind eq {kind} and Timestamp ge {since}"),
            (null, { } plan) => TableClient.CreateQueryFilter(
                $"PartitionKey eq {MeasureKeys.Partition(plan)} and RowKey lt {below} and Kind eq {kind}"),
            ({ } since, { } plan) => TableClient.CreateQueryFilter(
                $"PartitionKey eq {MeasureKeys.Partition(plan)} and RowKey lt {below} and Kind eq {kind} and Timestamp ge {since}"),
        };
        var select = forIndex ? MeasureEntities.IndexColumns : null;
        await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select, ct))
            yield return MeasureEntities.ToMeasure(entity);
    }

    public async Task<Measure?> GetMeasureAsync(string planId, string measureId, CancellationToken ct)
    {
        var response = await Measures.GetEntityIfExistsAsync<TableEntity>(
            MeasureKeys.Partition(planId), MeasureKeys.MeasureRow(measureId), cancellationToken: ct);
        return response.HasValue ? MeasureEntities.ToMeasure(response.Value!) : null;
    }

    /// <summary>Adds a new measure with its history row; <see cref="MeasureConflictException"/> if it exists already.</summary>
    public async Task<Measure> AddAsync(Measure measure, HistoryEntry history, CancellationToken ct) =>
        await SubmitAsync(measure, WriteActions(measure, history, TableTransactionActionType.Add, default, receipt: null), ct);

    /// <summary>
    /// Writes the measure and its history row if the measure is still at <see cref="Measure.Version"/>, otherwise
    /// <see cref="MeasureConflictException"/> (changed or gone since, or — with a <paramref name="receipt"/> — the same
    /// form applied already). A history row without changes is a confirmation: the measure as it is, acknowledged at
    /// the version its owner saw.
    /// A merge: a measure read from the index (without <see cref="Measure.ImportSnapshot"/>) leaves the snapshot as it is.
    /// </summary>
    public async Task<Measure> UpdateAsync(Measure measure, HistoryEntry history, CancellationToken ct, FormReceipt? receipt = null) =>
        await SubmitAsync(measure, WriteActions(measure, history, TableTransactionActionType.UpdateMerge, new ETag(measure.Version), receipt), ct);

    /// <summary>
    /// Adds many new measures, each with its history row, <see cref="MeasuresPerTransaction"/> of one plan per
    /// transaction: a measure never lands without its history row, but the whole set is not atomic. A transaction that
    /// meets an existing measure writes nothing; its measures come back as null, for the caller to write one by one.
    /// </summary>
    public async Task<IReadOnlyList<Measure?>> AddManyAsync(IReadOnlyList<(Measure Measure, HistoryEntry History)> writes, CancellationToken ct)
    {
        var saved = new Measure?[writes.Count];
        var chunks = Enumerable.Range(0, writes.Count)
            .GroupBy(i => MeasureKeys.Partition(writes[i].Measure.PlanId), StringComparer.Ordinal)
            .SelectMany(plan => plan.Chunk(MeasuresPerTransaction));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ParallelTransactions, CancellationToken = ct },
            async (chunk, token) =>
            {
                var actions = chunk.SelectMany(i =>
                    WriteActions(writes[i].Measure, writes[i].History, TableTransactionActionType.Add, default, receipt: null)).ToList();
                try
                {
                    var response = await Measures.SubmitTransactionAsync(actions, token);
                    for (var n = 0; n < chunk.Length; n++)
                        saved[chunk[n]] = writes[chunk[n]].Measure with { Version = VersionOf(response.Value[2 * n]) };
                }
                catch (TableTransactionFailedException e) when (IsConflict(e))
                {
                    // Left null: someone else added one of these meanwhile.
                }
            });
        return saved;
    }

    /// <summary>True when the form with this id was already applied to the measure.</summary>
    public async Task<bool> HasReceiptAsync(string planId, string measureId, string formId, CancellationToken ct)
    {
        var response = await Measures.GetEntityIfExistsAsync<TableEntity>(
            MeasureKeys.Partition(planId), MeasureKeys.ReceiptRow(measureId, formId), select: ["Kind"], cancellationToken: ct);
        return response.HasValue;
    }

    /// <summary>
    /// A measure's history, newest first, from one row-key range of its partition; with <paramref name="newerThan"/>
    /// only what was written after that moment (e.g. since the version a form was drawn from).
    /// </summary>
    public async IAsyncEnumerable<HistoryEntry> GetHistoryAsync(
        string planId, string measureId, [EnumeratorCancellation] CancellationToken ct, DateTimeOffset? newerThan = null)
    {
        var (after, before) = MeasureKeys.HistoryRange(measureId, newerThan);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {MeasureKeys.Partition(planId)} and RowKey gt {after} and RowKey lt {before}");
        await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var entry = MeasureEntities.ToHistory(entity);
            // The key bound is exact to the tick; the stored time is the one the caller holds, so compare that too.
            if (newerThan is null || entry.At > newerThan) yield return entry;
        }
    }

    /// <summary>History rows of every plan written at or after <paramref name="since"/> (one cross-partition query, paged).</summary>
    public async IAsyncEnumerable<HistoryEntry> GetHistorySinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"Kind eq {MeasureKeys.KindHistory} and At ge {since}");
        await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
            yield return MeasureEntities.ToHistory(entity);
    }

    /// <summary>The measure first (its result carries the new ETag), then its history row, then the receipt if any.</summary>
    private static IEnumerable<TableTransactionAction> WriteActions(
        Measure measure, HistoryEntry history, TableTransactionActionType type, ETag ifMatch, FormReceipt? receipt)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var historyRow = receipt is null ? MeasureEntities.ToEntity(history, suffix) : MeasureEntities.ToEntity(history, suffix, receipt);
        yield return new TableTransactionAction(type, MeasureEntities.ToEntity(measure), ifMatch);
        yield return new TableTransactionAction(TableTransactionActionType.Add, historyRow);
        if (receipt is not null)
            yield return new TableTransactionAction(TableTransactionActionType.Add, MeasureEntities.ToEntity(receipt, history, historyRow.RowKey));
    }

    private async Task<Measure> SubmitAsync(Measure measure, IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        try
        {
            var response = await Measures.SubmitTransactionAsync(actions, ct);
            return measure with { Version = VersionOf(response.Value[0]) };
        }
        catch (TableTransactionFailedException e) when (IsConflict(e))
        {
            throw new MeasureConflictException(measure.PlanId, measure.Id, e);
        }
    }

    /// <summary>412: changed since; 404: gone (an update); 409: exists already (an add, or this form's receipt).</summary>
    private static bool IsConflict(TableTransactionFailedException e) =>
        e.Status is 412 or 409 || (e.Status is 404 && e.ErrorCode != "TableNotFound");

    private static string VersionOf(Response response) => response.Headers.ETag?.ToString() ?? "";
}
