using TeamsBot.Cards;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Cards;

/// <summary>
/// One measure as a compact, selectable row: the title, a line of status and deadline, a grey line of owners (and
/// the plan, when a list mixes plans). The whole row sends "measure.show"; the "Åpne ›" on the right shows that it
/// can be pressed.
/// </summary>
public static class MeasureRow
{
    /// <param name="today">Null leaves out the overdue marker (when the caller does not know the date).</param>
    /// <param name="plan">Named after the owners when a list mixes plans; null = not named.</param>
    public static AdaptiveContainer Build(Measure measure, UserLanguage language, DateOnly? today, Plan? plan = null)
    {
        var texts = MeasureTexts.For(language);
        var details = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(measure.Title)) { Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveRichTextBlock { Inlines = StatusAndDeadline(measure, texts, today), Spacing = AdaptiveSpacing.Small },
        };
        var who = string.Join(" · ", new[] { string.Join(", ", measure.Owners), ShortTitle(plan) }.Where(s => s.Length > 0));
        if (who.Length > 0)
            details.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(who))
            {
                Size = AdaptiveTextSize.Small, IsSubtle = true, Wrap = true, MaxLines = 2, Spacing = AdaptiveSpacing.None,
            });

        return new AdaptiveContainer
        {
            Separator = true,
            Spacing = AdaptiveSpacing.Medium,
            SelectAction = new AdaptiveExecuteAction
            {
                Title = texts.Open, Tooltip = texts.Open, Verb = CardVerbs.ShowMeasure, Data = MeasureActions.Data(measure),
            },
            Items =
            [
                new AdaptiveColumnSet
                {
                    Columns =
                    [
                        new AdaptiveColumn { Width = AdaptiveWidth.Stretch, Items = details },
                        new AdaptiveColumn
                        {
                            Width = AdaptiveWidth.Auto,
                            VerticalContentAlignment = AdaptiveVerticalAlignment.Center,
                            Items = [new AdaptiveTextBlock($"{texts.Open} ›") { Color = AdaptiveTextColor.Accent, Size = AdaptiveTextSize.Small }],
                        },
                    ],
                },
            ],
        };
    }

    // "25. juni-evalueringen - Overordnet oppfølgingsplan fra Politidirektoratet" → "25. juni-evalueringen".
    private static string ShortTitle(Plan? plan) =>
        plan is null ? "" : plan.Title.Split([" - ", " – "], 2, StringSplitOptions.TrimEntries)[0];

    // Text runs are never markdown-processed: only our own words and dates go here, so nothing needs escaping.
    private static List<AdaptiveTextRun> StatusAndDeadline(Measure measure, MeasureTexts texts, DateOnly? today)
    {
        var status = StatusMarker.For(measure.Status, texts.Language);
        var runs = new List<AdaptiveTextRun>
        {
            new(status.Text) { Color = status.Color, Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Small },
        };
        if (measure.Deadline is not { } deadline) return runs;
        runs.Add(new(" · ") { IsSubtle = true, Size = AdaptiveTextSize.Small });
        var date = $"{texts.Deadline} {DateTexts.ShortDate(deadline, texts.Language)}";
        runs.Add(today is { } day && measure.IsOverdue(day)
            ? new($"{StatusMarker.OverdueSymbol} {date} – {texts.PassedShort}")
            {
                Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Small,
            }
            : new(date) { Size = AdaptiveTextSize.Small });
        return runs;
    }
}
