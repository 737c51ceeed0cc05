using TeamsBot.Storage;

namespace TeamsBot.Measures.Storage;

/// <summary>
/// The key layout of the Plans and Measures tables, and the <c>Kind</c> of every row the Measures table holds. A plan's
/// measures, their history and their form receipts share one partition (the plan), so a change, its audit line and its
/// receipt commit in one entity-group transaction. Measure ids start with a letter or digit; every other kind of row
/// starts with '~', which sorts after them, so a plan's measures are the key range below <see cref="MeasureRowsBelow"/>.
/// </summary>
internal static class MeasureKeys
{
    public const string PlanPartition = "plan";

    public const string KindMeasure = "measure";
    public const string KindHistory = "history";
    public const string KindReceipt = "form";

    /// <summary>Every measure row key sorts below this; history and receipt rows sort above it.</summary>
    public const string MeasureRowsBelow = "~";

    private const string HistoryPrefix = "~h~";
    private const string ReceiptPrefix = "~f~";

    public static string Partition(string planId) => TableKeys.Encode(planId);

    public static string PlanRow(string planId) => TableKeys.Encode(planId);

    public static string MeasureRow(string measureId) => TableKeys.Encode(measureId);

    /// <summary>
    /// "~h~{measureId}~{inverted ticks}~{suffix}": a measure's history sorts newest first. The suffix keeps two rows
    /// written in the same tick apart.
    /// </summary>
    public static string HistoryRow(string measureId, DateTimeOffset at, string suffix) =>
        $"{HistoryPrefix}{TableKeys.Encode(measureId)}~{InvertedTicks(at)}~{suffix}";

    /// <summary>
    /// The row keys strictly between these bounds are the measure's history, newest first; with
    /// <paramref name="newerThan"/>, only rows written after that moment (to the tick).
    /// </summary>
    public static (string After, string Before) HistoryRange(string measureId, DateTimeOffset? newerThan = null)
    {
        var measure = $"{HistoryPrefix}{TableKeys.Encode(measureId)}~";
        return (measure, newerThan is { } seen ? measure + InvertedTicks(seen) : measure + "~");
    }

    /// <summary>"~f~{measureId}~{formId}": exists once the form was applied, so it can be applied only once.</summary>
    public static string ReceiptRow(string measureId, string formId) =>
        $"{ReceiptPrefix}{TableKeys.Encode(measureId)}~{TableKeys.Encode(formId)}";

    private static string InvertedTicks(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
