using System.Globalization;
using TeamsBot.Cards;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>Status counts as card elements: big colored tiles, one wrapping line, and the overdue sentence.</summary>
public static class StatusCountElements
{
    /// <summary>A row of big colored numbers, one column per status that occurs.</summary>
    public static AdaptiveColumnSet Tiles(this StatusCounts counts, UserLanguage language) => new()
    {
        Spacing = AdaptiveSpacing.Medium,
        Columns =
        [
            .. counts.InProgressOrder.Select(x =>
            {
                var marker = StatusMarker.For(x.Status, language);
                return new AdaptiveColumn
                {
                    Width = AdaptiveWidth.Stretch,
                    Items =
                    [
                        new AdaptiveTextBlock(x.Count.ToString(CultureInfo.InvariantCulture))
                        {
                            Size = AdaptiveTextSize.ExtraLarge, Weight = AdaptiveTextWeight.Bolder, Color = marker.Color,
                        },
                        new AdaptiveTextBlock(marker.Text) { Size = AdaptiveTextSize.Small, Color = marker.Color, Wrap = true, Spacing = AdaptiveSpacing.None },
                    ],
                };
            }),
        ],
    };

    /// <summary>"✓ 2 iverksatt · ◑ 3 pågående · ⚠ 1 over fristen" on one wrapping line.</summary>
    public static AdaptiveRichTextBlock Line(this StatusCounts counts, UserLanguage language)
    {
        var texts = MeasureTexts.For(language);
        var runs = new List<AdaptiveTextRun>();
        foreach (var (status, count) in counts.InProgressOrder)
        {
            if (runs.Count > 0) runs.Add(new(" · ") { IsSubtle = true });
            var marker = StatusMarker.For(status, language);
            runs.Add(new(NoBreak($"{marker.Symbol} {count} {marker.Label.ToLowerInvariant()}")) { Color = marker.Color });
        }
        if (counts.Overdue > 0)
        {
            if (runs.Count > 0) runs.Add(new(" · ") { IsSubtle = true });
            runs.Add(new(NoBreak($"{StatusMarker.OverdueSymbol} {counts.Overdue} {texts.OverdueShort}"))
            {
                Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder,
            });
        }
        return new AdaptiveRichTextBlock { Inlines = runs, Spacing = AdaptiveSpacing.Small };
    }

    /// <summary>"⚠ 3 tiltak har passert fristen", or a green "✓" line when none has.</summary>
    public static AdaptiveTextBlock OverdueBlock(this StatusCounts counts, UserLanguage language)
    {
        var texts = MeasureTexts.For(language);
        return counts.Overdue > 0
            ? new($"{StatusMarker.OverdueSymbol} {texts.OverdueCount(counts.Overdue)}")
            {
                Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium,
            }
            : new($"✓ {texts.NoneOverdue}") { Color = AdaptiveTextColor.Good, Wrap = true, Spacing = AdaptiveSpacing.Medium };
    }

    // Each count wraps as a whole ("5 under planlegging"), never between its number and its words.
    private static string NoBreak(string text) => text.Replace(' ', '\u00A0');
}
