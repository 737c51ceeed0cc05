using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures.Import;

namespace TeamsBot.Measures.Cards;

/// <summary>
/// What the card of one measure shows besides the measure: the user's language, today's date in Oslo (for the
/// overdue marker), the last history line if the caller has it (else the measure's UpdatedAt/UpdatedBy), whether the
/// user may see the "Update status" button, and a notice above it all ("Lagret.").
/// </summary>
public sealed record MeasureView(UserLanguage Language, DateOnly Today, HistoryEntry? LastChange = null, bool CanEdit = true, string? Notice = null);

/// <summary>The card of one measure: title, status, plan and area, owners, deadline, the full remark, last update.</summary>
public static class MeasureCard
{
    /// <param name="refresh">Set by the status-update feature so the card refreshes for its viewers; null = none.</param>
    public static AdaptiveCard Build(Measure measure, Plan plan, MeasureView view, AdaptiveRefresh? refresh = null)
    {
        var texts = MeasureTexts.For(view.Language);
        var status = StatusMarker.For(measure.Status, view.Language);
        var card = CardBaseline.New(view.Language, $"{texts.Measure}: {measure.Title} – {status.Label}");
        card.Refresh = refresh;

        if (view.Notice is { } notice)
            card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(notice))
            {
                Wrap = true, Color = AdaptiveTextColor.Good, Weight = AdaptiveTextWeight.Bolder,
            });
        card.Body.Add(CardText.Heading(measure.Title));
        card.Body.Add(StatusLine(measure, status, texts, view.Today));
        card.Body.Add(Facts(measure, plan, texts));
        card.Body.Add(new AdaptiveTextBlock(texts.Remark) { Weight = AdaptiveTextWeight.Bolder, Spacing = AdaptiveSpacing.Medium });
        var remark = measure.Remark.Trim();
        card.Body.Add(remark.Length > 0
            ? new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(remark)) { Wrap = true, Spacing = AdaptiveSpacing.Small }
            : new AdaptiveTextBlock(texts.NoRemark) { Wrap = true, IsSubtle = true, Spacing = AdaptiveSpacing.Small });
        if (LastUpdate(measure, view, texts) is { } lastUpdate)
        {
            var line = CardText.Subtle(lastUpdate);
            line.Spacing = AdaptiveSpacing.Medium;
            card.Body.Add(line);
        }

        if (view.CanEdit) card.Actions.Add(MeasureActions.On(measure, texts.UpdateStatus, CardVerbs.EditMeasure));
        card.Actions.Add(MeasureActions.On(measure, texts.History, CardVerbs.MeasureHistory));
        return card;
    }

    private static AdaptiveElement StatusLine(Measure measure, StatusMarker status, MeasureTexts texts, DateOnly today)
    {
        var statusBlock = status.ToTextBlock(AdaptiveTextSize.Medium);
        if (!measure.IsOverdue(today)) return statusBlock;
        return new AdaptiveColumnSet
        {
            Columns =
            [
                new AdaptiveColumn { Width = AdaptiveWidth.Auto, Items = [statusBlock] },
                new AdaptiveColumn
                {
                    Width = AdaptiveWidth.Stretch,
                    VerticalContentAlignment = AdaptiveVerticalAlignment.Center,
                    Items = [OverdueBlock(texts)],
                },
            ],
        };
    }

    /// <summary>"⚠ Fristen er passert" in attention color.</summary>
    private static AdaptiveTextBlock OverdueBlock(MeasureTexts texts) =>
        new($"{StatusMarker.OverdueSymbol} {texts.DeadlinePassed}")
        {
            Color = AdaptiveTextColor.Attention, Weight = AdaptiveTextWeight.Bolder, Wrap = true,
        };

    private static AdaptiveFactSet Facts(Measure measure, Plan plan, MeasureTexts texts)
    {
        var facts = new AdaptiveFactSet { Spacing = AdaptiveSpacing.Medium };
        void Add(string title, string? plainValue)
        {
            if (!string.IsNullOrWhiteSpace(plainValue))
                facts.Facts.Add(new AdaptiveFact(title, AdaptiveText.EscapeMarkdown(plainValue.Trim())));
        }

        Add(texts.Plan, plan.Title);
        Add(texts.Area, AreaTitle(measure, plan));
        Add(texts.Owners, string.Join(", ", measure.Owners));
        Add(texts.Deadline, DeadlineText(measure, texts));
        return facts;
    }

    private static string AreaTitle(Measure measure, Plan plan) =>
        plan.Areas.FirstOrDefault(a => a.Id == measure.AreaId)?.Title ?? measure.AreaId;

    /// <summary>"30. november 2023 (i planen: «høsten 2023»)": the date we count from and the words the plan used.</summary>
    private static string? DeadlineText(Measure measure, MeasureTexts texts)
    {
        var written = string.IsNullOrWhiteSpace(measure.DeadlineText) ? null : measure.DeadlineText.Trim();
        if (measure.Deadline is not { } deadline) return written;
        var date = DateTexts.Date(deadline, texts.Language);
        return written is null || string.Equals(written, date, StringComparison.OrdinalIgnoreCase)
            ? date
            : $"{date} ({texts.DeadlineAsWritten}: {texts.Language.Quote(written)})";
    }

    private static string? LastUpdate(Measure measure, MeasureView view, MeasureTexts texts)
    {
        var (at, by, source) = view.LastChange is { } change
            ? (change.At, change.By, change.Source)
            : (measure.UpdatedAt, measure.UpdatedBy, measure.UpdatedBy);
        if (at == default) return null;
        var when = DateTexts.Time(at, texts.Language);
        if (source == PlanImporter.Source) return texts.LastUpdatedByImport(when);
        return string.IsNullOrWhiteSpace(by) ? texts.LastUpdated(when) : texts.LastUpdatedBy(when, by);
    }
}
