using TeamsBot.Cards;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>
/// How a status looks on a card: a color and a symbol, so the status can be read without seeing color
/// (✓ done, ◑ under way, ◔ being planned, ○ only recommended). <see cref="ChartColor"/> is the same meaning in a
/// Teams chart, whose palette has no accent: in progress is categorical blue there.
/// </summary>
public sealed record StatusMarker(string Symbol, AdaptiveTextColor Color, AdaptiveChartColor ChartColor, string Label)
{
    /// <summary>The attention marker beside a passed deadline.</summary>
    public const string OverdueSymbol = "⚠";

    public string Text => $"{Symbol} {Label}";

    public static StatusMarker For(MeasureStatus status, UserLanguage language)
    {
        var label = StatusLabels.Heading(status, language);
        return status switch
        {
            MeasureStatus.Implemented => new("✓", AdaptiveTextColor.Good, AdaptiveChartColor.Good, label),
            MeasureStatus.InProgress => new("◑", AdaptiveTextColor.Accent, AdaptiveChartColor.CategoricalBlue, label),
            MeasureStatus.UnderPlanning => new("◔", AdaptiveTextColor.Warning, AdaptiveChartColor.Warning, label),
            _ => new("○", AdaptiveTextColor.Default, AdaptiveChartColor.Neutral, label),
        };
    }

    public AdaptiveTextBlock ToTextBlock(AdaptiveTextSize size = AdaptiveTextSize.Default) =>
        new(Text) { Color = Color, Weight = AdaptiveTextWeight.Bolder, Size = size, Wrap = true };
}
