using Azure;
using Microsoft.Extensions.Options;
using TeamsBot.Measures;
using TeamsBot.Measures.Storage;
using TeamsBot.Storage;
using Azure.Data.Tables;

namespace TeamsBot.Updates;

/// <summary>Who submitted a form, for the audit columns beside the history row's display name.</summary>
public sealed record FormAuthor(string DisplayName, string TeamsId, string? AadObjectId);

/// <summary>
/// Writes a form's change as one entity-group transaction of three rows in the plan's partition: the measure
/// (If-Match on the version the form was drawn from), its history row (with the form id and the author's ids), and a
/// form receipt (RK "~f~{measureId}~{formId}", Kind "form": after every measure row, like history). The receipt can only be added once, so a form is applied at
/// most once even if both submits raced past every check; and when a submit loses on 412, the receipt tells whether the
/// winner was the same form. The rows are mapped exactly as <see cref="MeasureStore"/> maps them.
/// </summary>
public sealed class StatusUpdateStore(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string KindReceipt = "form";
    private const string ReceiptPrefix = "~f~";

    private TableClient Measures => service.GetTableClient(options.Value.TableName("Measures"));

    /// <summary>Saves; <see cref="MeasureConflictException"/> when the measure moved on (412), is gone (404), or the form was already applied (409).</summary>
    public async Task<Measure> UpdateAsync(Measure measure, HistoryEntry history, string formId, FormAuthor author, CancellationToken ct)
    {
        var historyEntity = MeasureEntities.ToEntity(history, Guid.NewGuid().ToString("N")[..8]);
        historyEntity["FormId"] = formId;
        historyEntity["ByTeamsId"] = author.TeamsId;
        historyEntity["ByAadObjectId"] = author.AadObjectId;
        var receipt = new TableEntity(MeasureEntities.PartitionFor(measure.PlanId), ReceiptKey(measure.Id, formId))
        {
            ["Kind"] = KindReceipt,
            ["MeasureId"] = measure.Id,
            ["FormId"] = formId,
            ["At"] = history.At,
            ["HistoryRowKey"] = historyEntity.RowKey,
        };
        TableTransactionAction[] actions =
        [
            // A merge, as MeasureStore.UpdateAsync: the form's measure may come from the read index, which does not
            // carry the import bookkeeping, and a replace would erase it.
            new(TableTransactionActionType.UpdateMerge, MeasureEntities.ToEntity(measure), new ETag(measure.Version)),
            new(TableTransactionActionType.Add, historyEntity),
            new(TableTransactionActionType.Add, receipt),
        ];
        try
        {
            var response = await Measures.SubmitTransactionAsync(actions, ct);
            return measure with { Version = response.Value[0].Headers.ETag?.ToString() ?? "" };
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404 || e.ErrorCode is "UpdateConditionNotSatisfied" or "EntityAlreadyExists")
        {
            throw new MeasureConflictException(measure.PlanId, measure.Id, e);
        }
    }

    /// <summary>True when a form with this id was already applied to the measure.</summary>
    public async Task<bool> WasAppliedAsync(string planId, string measureId, string formId, CancellationToken ct)
    {
        var response = await Measures.GetEntityIfExistsAsync<TableEntity>(
            MeasureEntities.PartitionFor(planId), ReceiptKey(measureId, formId), select: ["Kind"], cancellationToken: ct);
        return response.HasValue;
    }

    /// <summary>
    /// History rows written after <paramref name="seenAt"/>, newest first: one range query bounded by the inverted-ticks
    /// row keys, so a conflict reads only what changed since the user's version.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryNewerThanAsync(string planId, string measureId, DateTimeOffset seenAt, CancellationToken ct)
    {
        var (from, _) = MeasureEntities.HistoryRange(measureId);
        var to = MeasureEntities.HistoryRowKey(measureId, seenAt, "");
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {MeasureEntities.PartitionFor(planId)} and RowKey gt {from} and RowKey lt {to}");
        var newer = new List<HistoryEntry>();
        await foreach (var entity in Measures.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            // The key bound uses full ticks; the stored time is what the form carries, so compare those too.
            var entry = MeasureEntities.ToHistory(entity);
            if (entry.At > seenAt) newer.Add(entry);
        }
        return newer;
    }

    private static string ReceiptKey(string measureId, string formId) => $"{ReceiptPrefix}{TableKeys.Encode(measureId)}~{TableKeys.Encode(formId)}";
}
