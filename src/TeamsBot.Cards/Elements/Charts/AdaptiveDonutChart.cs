using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>
/// "Chart.Donut", a Teams-only element: one ring of slices. Hosts without charts show its
/// <see cref="AdaptiveElement.Fallback"/>.
/// </summary>
public sealed class AdaptiveDonutChart : AdaptiveElement
{
    public string? Title { get; set; }

    /// <summary>Used only for slices that name no <see cref="AdaptiveDonutChartData.Color"/>.</summary>
    public AdaptiveChartColorSet? ColorSet { get; set; }

    [SerializeWhenEmpty]
    public List<AdaptiveDonutChartData> Data { get; set; } = [];
}

/// <summary>One slice of a donut.</summary>
public sealed class AdaptiveDonutChartData
{
    public AdaptiveDonutChartData() { }

    public AdaptiveDonutChartData(string legend, double value, AdaptiveChartColor? color = null) =>
        (Legend, Value, Color) = (legend, value, color);

    public string? Legend { get; set; }

    /// <summary>Written even when 0: a slice without a value is not a slice of nothing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double Value { get; set; }

    public AdaptiveChartColor? Color { get; set; }
}
