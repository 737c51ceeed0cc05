using TeamsBot.Cards;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Answers;

/// <summary>
/// One measure as a compact, selectable row: the title, then one line of status, deadline and owners. The whole row
/// sends "measure.show"; the "Åpne ›" on the right shows that it can be pressed.
/// </summary>
internal static class MeasureRow
{
    /// <param name="today">Null leaves out the overdue marker (when the caller does not know the date).</param>
    /// <param name="plan">Shown above the title when a list mixes plans; null = not shown.</param>
    public static AdaptiveContainer Build(Measure measure, AnswerTexts texts, DateOnly? today, Plan? plan = null)
    {
        var details = new List<AdaptiveElement>();
        if (plan is not null)
            details.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(plan.Title))
            {
                Size = AdaptiveTextSize.Small, IsSubtle = true, Wrap = true, MaxLines = 1,
            });
        details.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(measure.Title))
        {
            Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.None,
        });
        details.Add(new AdaptiveRichTextBlock { Inlines = Line(measure, texts, today), Spacing = AdaptiveSpacing.Small });

        return new AdaptiveContainer
        {
            Separator = true,
            Spacing = AdaptiveSpacing.Medium,
            SelectAction = new AdaptiveExecuteAction
            {
                Title = texts.Open, Tooltip = texts.Open, Verb = AnswerActions.ShowMeasure, Data = AnswerActions.MeasureData(measure),
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

    // Text runs are never markdown-processed, so plan text goes in as written (escaping would show backslashes).
    private static List<AdaptiveTextRun> Line(Measure measure, AnswerTexts texts, DateOnly? today)
    {
        var status = StatusMarker.For(measure.Status, texts);
        var runs = new List<AdaptiveTextRun>
        {
            new(status.Text) { Color = status.Color, Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Small },
        };
        if (measure.Deadline is { } deadline)
        {
            runs.Add(Separator());
            var overdue = today is { } day && measure.IsOverdue(day);
            runs.Add(overdue
                ? new($"{StatusMarker.OverdueSymbol} {texts.Deadline} {AnswerFormat.ShortDate(deadline, texts)} – {texts.DeadlinePassed.ToLowerInvariant()}")
                {
                    Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder, Size = AdaptiveTextSize.Small,
                }
                : new($"{texts.Deadline} {AnswerFormat.ShortDate(deadline, texts)}") { Size = AdaptiveTextSize.Small });
        }
        if (measure.Owners.Count > 0)
        {
            runs.Add(Separator());
            runs.Add(new(string.Join(", ", measure.Owners)) { IsSubtle = true, Size = AdaptiveTextSize.Small });
        }
        return runs;
    }

    private static AdaptiveTextRun Separator() => new(" · ") { IsSubtle = true, Size = AdaptiveTextSize.Small };
}
