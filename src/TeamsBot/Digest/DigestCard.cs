using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Digest;

/// <summary>
/// Draws a <see cref="DigestReport"/> as an Adaptive Card: status per plan as a Teams chart (with the counts as text
/// for clients without charts), then changes and the measure lists. Lists are capped ("… og 12 til"); if the card is still
/// over the size budget the caps are halved until it fits, and the card says it was shortened.
/// </summary>
public sealed class DigestCard(IOptions<DigestOptions> options)
{
    public AdaptiveCard Build(DigestReport report, UserLanguage language)
    {
        var o = options.Value;
        var cap = o.MaxItemsPerList;
        var includeAreas = true;
        while (true)
        {
            var card = Draw(report, language, cap, includeAreas, trimmed: cap < o.MaxItemsPerList || !includeAreas);
            if (Encoding.UTF8.GetByteCount(card.ToJson()) <= o.MaxCardBytes) return card;
            if (cap > 0) cap /= 2;
            else if (includeAreas) includeAreas = false;
            else return card; // nothing left to cut; the sender will report Teams' refusal
        }
    }

    private AdaptiveCard Draw(DigestReport report, UserLanguage language, int cap, bool includeAreas, bool trimmed)
    {
        var t = DigestTexts.For(language);
        var o = options.Value;
        var weekTitle = DigestWeekTitle.Format(report.Week, language);
        var card = CardBaseline.New(language, $"{t.CardTitle} – {weekTitle}");
        card.Body.Add(new AdaptiveTextBlock(t.CardTitle) { Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true });
        card.Body.Add(new AdaptiveTextBlock(weekTitle) { IsSubtle = true, Spacing = AdaptiveSpacing.None, Wrap = true });
        if (trimmed) card.Body.Add(new AdaptiveTextBlock(t.Trimmed) { IsSubtle = true, Wrap = true, Size = AdaptiveTextSize.Small });

        if (report.Rounds.Count > 0)
        {
            card.Body.Add(Heading(t.RoundsHeading));
            foreach (var round in report.Rounds)
            {
                var title = report.Plans.FirstOrDefault(p => p.Plan.Id == round.PlanId)?.Plan.Title ?? round.PlanId;
                card.Body.Add(Text(AdaptiveText.EscapeMarkdown(t.RoundRate(title, round.OwnersAnswered, round.Owners, DateTexts.Date(round.Deadline, language)))));
            }
        }

        card.Body.Add(Heading(t.StatusHeading));
        if (report.Plans.Count == 0) card.Body.Add(Text(t.NoMeasures));
        else card.Body.Add(StatusChart.ForPlans(report.Plans.Select(p => new PlanStatusCounts(p.Plan.Title, p.Counts)), language, PlanFacts(report.Plans, language)));
        // Area titles are long: one wrapped line each reads better than a two-column fact set. Outside the chart's
        // fallback, so that Teams, which shows the chart, shows them too.
        if (includeAreas)
            foreach (var plan in report.Plans.Where(p => p.Areas.Count > 1))
            {
                card.Body.Add(new AdaptiveTextBlock($"**{AdaptiveText.EscapeMarkdown(plan.Plan.Title)}**")
                {
                    Wrap = true, Size = AdaptiveTextSize.Small, Spacing = AdaptiveSpacing.Medium,
                });
                foreach (var area in plan.Areas)
                    card.Body.Add(new AdaptiveTextBlock($"{AdaptiveText.EscapeMarkdown(area.Area.Title)}: {CountsText(area.Counts, language)}")
                    {
                        Wrap = true,
                        IsSubtle = true,
                        Size = AdaptiveTextSize.Small,
                        Spacing = AdaptiveSpacing.Small,
                    });
            }

        card.Body.Add(Heading(t.ChangesHeading(DateTexts.DayAndMonth(OsloClock.DateOf(report.ChangesSince), language))));
        if (report.Changes.Count == 0) card.Body.Add(Text(t.NoChanges));
        foreach (var change in report.Changes.Take(cap)) card.Body.Add(ChangeItem(change, language, t));
        AddMore(card, report.Changes.Count, cap, t);

        AddMeasureList(card, t.OverdueHeading, report.Overdue, cap, m => Deadline(m, language, t), t);
        AddMeasureList(card, t.DueSoonHeading(o.DueSoonDays), report.DueSoon, cap, m => Deadline(m, language, t), t);
        AddMeasureList(card, t.StaleHeading((int)(o.StaleAfter.TotalDays / 7)), report.Stale, cap,
            m => $"{StatusLabels.Label(m.Status, language)} · {t.LastUpdatedWord} {DateTexts.Date(OsloClock.DateOf(m.UpdatedAt), language)}", t);
        return card;
    }

    /// <summary>The chart's fallback, the brief's status text before charts: each plan's name over its counts.</summary>
    private static AdaptiveContainer PlanFacts(IEnumerable<PlanSummary> plans, UserLanguage language) => new()
    {
        Items =
        [
            .. plans.SelectMany(plan => new AdaptiveElement[]
            {
                new AdaptiveTextBlock($"**{AdaptiveText.EscapeMarkdown(plan.Plan.Title)}**") { Wrap = true, Spacing = AdaptiveSpacing.Medium },
                new AdaptiveFactSet
                {
                    Facts = [.. plan.Counts.InLifecycleOrder.Select(x => new AdaptiveFact(StatusLabels.Label(x.Status, language), x.Count.ToString(CultureInfo.InvariantCulture)))],
                },
            }),
        ],
    };

    private static void AddMeasureList(AdaptiveCard card, string heading, IReadOnlyList<Measure> measures, int cap, Func<Measure, string> detail, DigestTexts t)
    {
        card.Body.Add(Heading($"{heading} ({measures.Count})"));
        if (measures.Count == 0) card.Body.Add(Text(t.NoneInList));
        foreach (var m in measures.Take(cap)) card.Body.Add(MeasureItem(m, detail(m), t));
        AddMore(card, measures.Count, cap, t);
    }

    private static void AddMore(AdaptiveCard card, int count, int cap, DigestTexts t)
    {
        if (count > cap) card.Body.Add(new AdaptiveTextBlock(t.More(count - cap)) { IsSubtle = true, Wrap = true });
    }

    private static AdaptiveColumnSet MeasureItem(Measure m, string detail, DigestTexts t) => new AdaptiveColumnSet
    {
        Spacing = AdaptiveSpacing.Small,
        Columns =
        [
            new AdaptiveColumn
            {
                Width = AdaptiveWidth.Stretch,
                Items =
                [
                    new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(m.Title)) { Wrap = true, MaxLines = 2, Weight = AdaptiveTextWeight.Bolder },
                    new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown($"{m.Id} · {detail}")) { Wrap = true, IsSubtle = true, Spacing = AdaptiveSpacing.None },
                ],
            },
            new AdaptiveColumn
            {
                Width = AdaptiveWidth.Auto,
                VerticalContentAlignment = AdaptiveVerticalAlignment.Center,
                Items = [new AdaptiveActionSet { Actions = [MeasureActions.On(m, t.Open, CardVerbs.ShowMeasure), MeasureActions.On(m, t.Update, CardVerbs.EditMeasure)] }],
            },
        ],
    };

    private static AdaptiveContainer ChangeItem(MeasureChangeLine change, UserLanguage language, DigestTexts t)
    {
        var what = new List<string>();
        if (change.From is { } from && change.To is { } to)
            what.Add($"{StatusLabels.Label(from, language)} → {StatusLabels.Label(to, language)}");
        else if (change.To is { } only)
            what.Add(StatusLabels.Label(only, language));
        if (change.RemarkChanged) what.Add(t.NewRemark);
        if (what.Count == 0) what.Add(t.Edited);
        var who = string.IsNullOrWhiteSpace(change.Entry.By) ? "" : $" · {change.Entry.By}";
        var line = $"{string.Join(", ", what)}{who} · {DateTexts.DayAndMonth(OsloClock.DateOf(change.Entry.At), language)}";
        return new AdaptiveContainer
        {
            Spacing = AdaptiveSpacing.Small,
            SelectAction = MeasureActions.On(change.Measure, t.Open, CardVerbs.ShowMeasure),
            Items =
            [
                new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(change.Measure.Title)) { Wrap = true, MaxLines = 2, Weight = AdaptiveTextWeight.Bolder },
                new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(line)) { Wrap = true, IsSubtle = true, Spacing = AdaptiveSpacing.None },
            ],
        };
    }

    private static string Deadline(Measure m, UserLanguage language, DigestTexts t) =>
        $"{StatusLabels.Label(m.Status, language)} · {t.DeadlineWord} {DateTexts.Date(m.Deadline!.Value, language)}";

    private static string CountsText(StatusCounts counts, UserLanguage language) =>
        string.Join(", ", counts.InLifecycleOrder.Select(x => $"{x.Count} {StatusLabels.Label(x.Status, language)}"));

    private static AdaptiveTextBlock Heading(string text) => new(text)
    {
        Size = AdaptiveTextSize.Medium,
        Weight = AdaptiveTextWeight.Bolder,
        Wrap = true,
        Separator = true,
        Spacing = AdaptiveSpacing.Large,
    };

    private static AdaptiveTextBlock Text(string text) => new(text) { Wrap = true };
}
