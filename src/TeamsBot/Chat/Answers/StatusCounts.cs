using TeamsBot.Cards;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Answers;

/// <summary>How many measures have each status, and how many are overdue, as card elements.</summary>
internal sealed record StatusCounts(IReadOnlyDictionary<MeasureStatus, int> ByStatus, int Total, int Overdue)
{
    // Done first, then under way, then not started: the order a reader weighs progress in.
    private static readonly MeasureStatus[] DisplayOrder =
        [MeasureStatus.Implemented, MeasureStatus.InProgress, MeasureStatus.UnderPlanning, MeasureStatus.Recommended];

    public static StatusCounts Of(IEnumerable<Measure> measures, DateOnly today)
    {
        var list = measures as IReadOnlyCollection<Measure> ?? [.. measures];
        return new(
            list.GroupBy(m => m.Status).ToDictionary(g => g.Key, g => g.Count()),
            list.Count,
            list.Count(m => m.IsOverdue(today)));
    }

    public IEnumerable<(MeasureStatus Status, int Count)> NonZero =>
        DisplayOrder.Where(ByStatus.ContainsKey).Select(s => (s, ByStatus[s]));

    /// <summary>A row of big colored numbers, one column per status that occurs.</summary>
    public AdaptiveColumnSet Tiles(AnswerTexts texts) => new()
    {
        Spacing = AdaptiveSpacing.Medium,
        Columns =
        [
            .. NonZero.Select(x =>
            {
                var marker = StatusMarker.For(x.Status, texts);
                return new AdaptiveColumn
                {
                    Width = AdaptiveWidth.Stretch,
                    Items =
                    [
                        new AdaptiveTextBlock(x.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
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
    public AdaptiveRichTextBlock Line(AnswerTexts texts)
    {
        var runs = new List<AdaptiveTextRun>();
        foreach (var (status, count) in NonZero)
        {
            if (runs.Count > 0) runs.Add(new(" · ") { IsSubtle = true });
            var marker = StatusMarker.For(status, texts);
            runs.Add(new(NoBreak($"{marker.Symbol} {count} {marker.Label.ToLowerInvariant()}")) { Color = marker.Color });
        }
        if (Overdue > 0)
        {
            if (runs.Count > 0) runs.Add(new(" · ") { IsSubtle = true });
            runs.Add(new(NoBreak($"{StatusMarker.OverdueSymbol} {Overdue} {texts.OverdueShort}")) { Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder });
        }
        return new AdaptiveRichTextBlock { Inlines = runs, Spacing = AdaptiveSpacing.Small };
    }

    // Each count wraps as a whole ("5 under planlegging"), never between its number and its words.
    private static string NoBreak(string text) => text.Replace(' ', '\u00A0');

    public AdaptiveTextBlock OverdueBlock(AnswerTexts texts) => Overdue > 0
        ? new($"{StatusMarker.OverdueSymbol} {texts.OverdueCount(Overdue)}")
        {
            Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium,
        }
        : new($"✓ {texts.NoneOverdue}") { Color = AdaptiveTextColor.Good, Wrap = true, Spacing = AdaptiveSpacing.Medium };
}
