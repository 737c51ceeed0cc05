using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>
/// "Chart.HorizontalBar.Stacked", a Teams-only element: one horizontal bar per <see cref="Data"/> entry, each split
/// into colored parts. Hosts without charts show its <see cref="AdaptiveElement.Fallback"/>.
/// </summary>
public sealed class AdaptiveStackedHorizontalBarChart : AdaptiveElement
{
    public string? Title { get; set; }

    /// <summary>Used only for parts that name no <see cref="AdaptiveStackedHorizontalBarChartDataPoint.Color"/>.</summary>
    public AdaptiveChartColorSet? ColorSet { get; set; }

    public string? XAxisTitle { get; set; }

    public string? YAxisTitle { get; set; }

    /// <summary>The bars, top to bottom.</summary>
    [SerializeWhenEmpty]
    public List<AdaptiveStackedHorizontalBarChartData> Data { get; set; } = [];
}

/// <summary>One bar: its label and its parts, left to right.</summary>
public sealed class AdaptiveStackedHorizontalBarChartData
{
    public AdaptiveStackedHorizontalBarChartData() { }

    public AdaptiveStackedHorizontalBarChartData(string title, IEnumerable<AdaptiveStackedHorizontalBarChartDataPoint> data) =>
        (Title, Data) = (title, [.. data]);

    public string? Title { get; set; }

    [SerializeWhenEmpty]
    public List<AdaptiveStackedHorizontalBarChartDataPoint> Data { get; set; } = [];
}

/// <summary>One part of a bar; parts with the same legend share a color and a legend entry.</summary>
public sealed class AdaptiveStackedHorizontalBarChartDataPoint
{
    public AdaptiveStackedHorizontalBarChartDataPoint() { }

    public AdaptiveStackedHorizontalBarChartDataPoint(string legend, double value, AdaptiveChartColor? color = null) =>
        (Legend, Value, Color) = (legend, value, color);

    public string? Legend { get; set; }

    /// <summary>Written even when 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double Value { get; set; }

    public AdaptiveChartColor? Color { get; set; }
}
