using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Updates;

/// <summary>
/// The statuses a plan's measures can take, in lifecycle order. Every plan reports under planning / in progress /
/// implemented; "recommended" belongs only to plans that use it (the police director's recommendations), and a
/// measure's current status is always offered so the form never silently changes it.
/// </summary>
public static class PlanStatuses
{
    private static readonly MeasureStatus[] Reported = [MeasureStatus.UnderPlanning, MeasureStatus.InProgress, MeasureStatus.Implemented];

    public static IReadOnlyList<MeasureStatus> For(Measure measure, MeasureSnapshot snapshot)
    {
        var usesRecommended = measure.Status == MeasureStatus.Recommended ||
                              snapshot.InPlan(measure.PlanId).Any(m => m.Status == MeasureStatus.Recommended);
        return usesRecommended ? [MeasureStatus.Recommended, .. Reported] : Reported;
    }

    /// <summary>The form's choice value for a status: the enum name, the same in every language.</summary>
    public static string Value(MeasureStatus status) => status.ToString();

    /// <summary>A submitted status: the choice value, or (from a hand-typed client) a label in either language.</summary>
    public static bool TryParse(string? value, IReadOnlyList<MeasureStatus> allowed, out MeasureStatus status)
    {
        var text = (value ?? "").Trim();
        // Exact names only: Enum.TryParse would also take "1" or "UnderPlanning,InProgress" (OR-ed into another status).
        if (Enum.GetNames<MeasureStatus>().Contains(text, StringComparer.Ordinal))
            return allowed.Contains(status = Enum.Parse<MeasureStatus>(text));
        return StatusLabels.TryParse(text, out status) && allowed.Contains(status);
    }
}
