using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using TeamsBot.Storage;

namespace TeamsBot.Measures.Storage;

/// <summary>
/// Maps plans, measures, history rows and form receipts to table entities, with the keys and kinds of
/// <see cref="MeasureKeys"/>.
/// </summary>
internal static class MeasureEntities
{
    /// <summary>Everything but the import bookkeeping, which only the importer reads.</summary>
    public static readonly IReadOnlyList<string> IndexColumns =
    [
        "PartitionKey", "RowKey", "Timestamp", "Kind", "AreaId", "Order", "Title", "Status", "Remark", "Owners",
        "Deadline", "DeadlineText", "Aliases", "UpdatedAt", "UpdatedBy",
    ];

    public static TableEntity ToEntity(Plan plan) => new(MeasureKeys.PlanPartition, MeasureKeys.PlanRow(plan.Id))
    {
        ["Title"] = plan.Title,
        ["Language"] = plan.Language,
        ["Issuer"] = plan.Issuer,
        ["Source"] = plan.Source,
        ["StartDate"] = plan.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Areas"] = JsonSerializer.Serialize(plan.Areas),
    };

    public static Plan ToPlan(TableEntity e) => new(
        TableKeys.Decode(e.RowKey),
        e.GetString("Title") ?? "",
        e.GetString("Language") ?? "nb",
        e.GetString("Issuer") ?? "",
        e.GetString("Source") ?? "",
        DateOnly.ParseExact(e.GetString("StartDate") ?? "2000-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize<List<Area>>(e.GetString("Areas") ?? "[]") ?? []);

    public static TableEntity ToEntity(Measure m) => new(MeasureKeys.Partition(m.PlanId), MeasureKeys.MeasureRow(m.Id))
    {
        ["Kind"] = MeasureKeys.KindMeasure,
        ["AreaId"] = m.AreaId,
        ["Order"] = m.Order,
        ["Title"] = m.Title,
        ["Status"] = m.Status.ToString(),
        ["Remark"] = m.Remark,
        ["Owners"] = JsonSerializer.Serialize(m.Owners),
        // Updates merge (so a writer that never read the import bookkeeping keeps it): a cleared value is "", not absent.
        ["Deadline"] = m.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["DeadlineText"] = m.DeadlineText ?? "",
        ["Aliases"] = JsonSerializer.Serialize(m.Aliases),
        ["UpdatedAt"] = m.UpdatedAt,
        ["UpdatedBy"] = m.UpdatedBy,
        ["ImportSnapshot"] = m.ImportSnapshot,
    };

    public static Measure ToMeasure(TableEntity e) => new()
    {
        PlanId = TableKeys.Decode(e.PartitionKey),
        Id = TableKeys.Decode(e.RowKey),
        AreaId = e.GetString("AreaId") ?? "",
        Order = e.GetInt32("Order") ?? 0,
        Title = e.GetString("Title") ?? "",
        Status = Enum.TryParse<MeasureStatus>(e.GetString("Status"), out var status) ? status : MeasureStatus.UnderPlanning,
        Remark = e.GetString("Remark") ?? "",
        Owners = JsonSerializer.Deserialize<List<string>>(e.GetString("Owners") ?? "[]") ?? [],
        Deadline = e.GetString("Deadline") is { Length: > 0 } d
            ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null,
        DeadlineText = e.GetString("DeadlineText") is { Length: > 0 } text ? text : null,
        Aliases = JsonSerializer.Deserialize<List<string>>(e.GetString("Aliases") ?? "[]") ?? [],
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        UpdatedBy = e.GetString("UpdatedBy") ?? "",
        ImportSnapshot = e.GetString("ImportSnapshot"),
        Version = e.ETag.ToString(),
    };

    public static TableEntity ToEntity(HistoryEntry h, string uniqueSuffix) =>
        new(MeasureKeys.Partition(h.PlanId), MeasureKeys.HistoryRow(h.MeasureId, h.At, uniqueSuffix))
        {
            ["Kind"] = MeasureKeys.KindHistory,
            ["MeasureId"] = h.MeasureId,
            ["At"] = h.At,
            ["By"] = h.By,
            ["Source"] = h.Source,
            ["Changes"] = JsonSerializer.Serialize(h.Changes),
            ["Comment"] = h.Comment,
        };

    public static HistoryEntry ToHistory(TableEntity e) => new(
        TableKeys.Decode(e.PartitionKey),
        e.GetString("MeasureId") ?? "",
        e.GetDateTimeOffset("At") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        e.GetString("By") ?? "",
        e.GetString("Source") ?? "",
        JsonSerializer.Deserialize<List<FieldChange>>(e.GetString("Changes") ?? "[]") ?? [],
        e.GetString("Comment"));

    /// <summary>The history row of a form's change also names the form and the author's ids, beside the display name.</summary>
    public static TableEntity ToEntity(HistoryEntry h, string uniqueSuffix, FormReceipt receipt)
    {
        var entity = ToEntity(h, uniqueSuffix);
        entity["FormId"] = receipt.FormId;
        entity["ByTeamsId"] = receipt.ByTeamsId;
        entity["ByAadObjectId"] = receipt.ByAadObjectId;
        return entity;
    }

    public static TableEntity ToEntity(FormReceipt receipt, HistoryEntry h, string historyRowKey) =>
        new(MeasureKeys.Partition(h.PlanId), MeasureKeys.ReceiptRow(h.MeasureId, receipt.FormId))
        {
            ["Kind"] = MeasureKeys.KindReceipt,
            ["MeasureId"] = h.MeasureId,
            ["FormId"] = receipt.FormId,
            ["At"] = h.At,
            ["HistoryRowKey"] = historyRowKey,
        };
}
