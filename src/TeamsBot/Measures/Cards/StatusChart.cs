using TeamsBot.Cards;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>One plan's (or round's) name and its status counts, as a chart draws them.</summary>
public sealed record PlanStatusCounts(string Title, StatusCounts Counts);

/// <summary>
/// Status counts as a Teams chart, in the colors of <see cref="StatusMarker"/>, with a text fallback for clients
/// without charts (and for the adaptivecards renderer). Charts show statuses only: overdue cuts across them, so say it
/// in text beside the chart (<see cref="StatusCountElements.OverdueBlock"/>).
/// </summary>
public static class StatusChart
{
    /// <summary>
    /// One stacked bar per plan (implemented first, so the green grows from the left), titled with the plan's name.
    /// Without <paramref name="fallback"/>, clients without charts see each plan's name over its counts line.
    /// Plans without measures are in the fallback but get no bar (an empty bar says nothing).
    /// </summary>
    public static AdaptiveStackedHorizontalBarChart ForPlans(
        IEnumerable<PlanStatusCounts> plans, UserLanguage language, AdaptiveElement? fallback = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var list = plans.ToList();
        return new AdaptiveStackedHorizontalBarChart
        {
            Title = title,
            Spacing = AdaptiveSpacing.Medium,
            Data = [.. list.Where(p => p.Counts.Total > 0).Select(p => new AdaptiveStackedHorizontalBarChartData(p.Title, Points(p.Counts, language)))],
            Fallback = new AdaptiveFallbackElement(fallback ?? CountsText(list, language)),
        };
    }

    /// <summary>One plan's counts as a donut; clients without charts see the counts line.</summary>
    public static AdaptiveDonutChart ForPlan(StatusCounts counts, UserLanguage language, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new AdaptiveDonutChart
        {
            Title = title,
            Spacing = AdaptiveSpacing.Medium,
            Data = [.. counts.InProgressOrder.Select(x => Marked(x.Status, language, (legend, color) => new AdaptiveDonutChartData(legend, x.Count, color)))],
            Fallback = new AdaptiveFallbackElement(counts.Line(language)),
        };
    }

    /// <summary>The default fallback of <see cref="ForPlans"/>: each plan's name (bold) over its counts line.</summary>
    public static AdaptiveContainer CountsText(IEnumerable<PlanStatusCounts> plans, UserLanguage language) => new()
    {
        Items =
        [
            .. plans.SelectMany(p => new AdaptiveElement[]
            {
                new AdaptiveTextBlock($"**{AdaptiveText.EscapeMarkdown(p.Title)}**") { Wrap = true, Spacing = AdaptiveSpacing.Medium },
                p.Counts.Line(language),
            }),
        ],
    };

    private static IEnumerable<AdaptiveStackedHorizontalBarChartDataPoint> Points(StatusCounts counts, UserLanguage language) =>
        counts.InProgressOrder.Select(x => Marked(x.Status, language, (legend, color) => new AdaptiveStackedHorizontalBarChartDataPoint(legend, x.Count, color)));

    private static T Marked<T>(MeasureStatus status, UserLanguage language, Func<string, AdaptiveChartColor, T> point)
    {
        var marker = StatusMarker.For(status, language);
        return point(marker.Label, marker.ChartColor);
    }
}
