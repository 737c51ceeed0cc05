using System.Text.Json;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Rounds;

/// <summary>An owner as the coordinator's start card shows them: reachable or not, and why not.</summary>
public sealed record OwnerReach(string Unit, int Measures, bool Reachable, string? Reason);

/// <summary>The round's cards: the coordinator's start card, the owner's request (and reminder), «hvem mangler?», the summary.</summary>
public static class RoundCards
{
    public const string RoundIdKey = "roundId";
    public const string VersionKey = "version";

    public static AdaptiveCard Started(Round round, Plan plan, IReadOnlyList<OwnerReach> owners, IReadOnlyList<Measure> unowned, UserLanguage language)
    {
        var t = RoundTexts.For(language);
        var title = t.StartedTitle(plan.Title);
        var card = CardBaseline.New(language, title);
        card.Body.Add(CardText.Heading(title));
        card.Body.Add(CardText.Subtle(t.DeadlineLine(DateTexts.Date(round.Deadline, language))));
        card.Body.Add(new AdaptiveTextBlock(t.OwnersLine(owners.Count, owners.Count(o => o.Reachable), owners.Sum(o => o.Measures) + unowned.Count)) { Wrap = true });
        var unreachable = owners.Where(o => !o.Reachable).ToList();
        if (unreachable.Count > 0)
        {
            card.Body.Add(Heading(t.UnreachableHeading));
            card.Body.Add(new AdaptiveFactSet { Facts = [.. unreachable.Select(o => new AdaptiveFact(AdaptiveText.EscapeMarkdown(o.Unit), o.Reason ?? ""))] });
        }
        if (unowned.Count > 0)
        {
            card.Body.Add(Heading(t.UnownedHeading));
            foreach (var m in unowned) card.Body.Add(Bullet(m.Title));
        }
        card.Body.Add(CardText.Subtle(t.SentSoon));
        return card;
    }

    /// <summary>The owner's card: each measure with «Uendret – bekreft» and «Oppdater», or «✓ Besvart» once answered.</summary>
    public static AdaptiveCard Request(Round round, Plan plan, RoundOwner owner, IReadOnlyList<Measure> measures, IReadOnlySet<string> answered,
        bool isReminder, UserLanguage language)
    {
        var t = RoundTexts.For(language);
        var title = t.RequestTitle(plan.Title);
        var card = CardBaseline.New(language, title);
        card.Body.Add(CardText.Heading(title));
        var deadline = DateTexts.Date(round.Deadline, language);
        card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(isReminder ? t.ReminderIntro(owner.Unit, deadline) : t.RequestIntro(owner.Unit, deadline))) { Wrap = true });
        if (round.Note is { Length: > 0 } note)
            card.Body.Add(new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown($"{t.NoteFromCoordinator}: {note}")) { Wrap = true, IsSubtle = true });
        foreach (var measure in measures)
        {
            var items = new List<AdaptiveElement>
            {
                new AdaptiveTextBlock(AdaptiveText.EscapeMarkdown(measure.Title)) { Weight = AdaptiveTextWeight.Bolder, Wrap = true },
                StatusMarker.For(measure.Status, language).ToTextBlock(AdaptiveTextSize.Small),
            };
            if (answered.Contains(measure.Id))
                items.Add(new AdaptiveTextBlock(t.Answered) { Color = AdaptiveTextColor.Good, Wrap = true });
            else
                items.Add(new AdaptiveActionSet
                {
                    Actions =
                    [
                        MeasureActions.Execute(t.Confirm, CardVerbs.ConfirmInRound, ConfirmData(round, measure)),
                        MeasureActions.On(measure, t.Update, CardVerbs.EditMeasure),
                    ],
                });
            card.Body.Add(new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium, Items = items });
        }
        if (measures.All(m => answered.Contains(m.Id)))
            card.Body.Add(new AdaptiveTextBlock(t.AllAnswered) { Wrap = true, Weight = AdaptiveTextWeight.Bolder });
        return card;
    }

    public static System.Text.Json.Nodes.JsonObject ConfirmData(Round round, Measure measure)
    {
        var data = MeasureActions.Data(measure);
        data[RoundIdKey] = round.Id;
        data[VersionKey] = measure.Version;
        return data;
    }

    public static string? StringOf(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static AdaptiveCard Missing(RoundProgress progress, UserLanguage language)
    {
        var t = RoundTexts.For(language);
        var title = t.MissingHeading(progress.Plan.Title, DateTexts.Date(progress.Round.Deadline, language));
        var card = CardBaseline.New(language, title);
        card.Body.Add(CardText.Heading(title, AdaptiveTextSize.Medium));
        card.Body.Add(new AdaptiveTextBlock(t.ResponseRate(progress.OwnersAnswered, progress.Owners.Count)) { Wrap = true });
        var missing = progress.Owners.Where(o => !o.HasAnswered).ToList();
        if (missing.Count == 0) card.Body.Add(new AdaptiveTextBlock(t.NobodyMissing) { Wrap = true });
        foreach (var owner in missing)
        {
            card.Body.Add(Heading(owner.Owner.Unit));
            foreach (var m in owner.Outstanding) card.Body.Add(Bullet(m.Title));
        }
        return card;
    }

    public static AdaptiveCard Summary(RoundProgress progress, IReadOnlyList<Measure> planMeasures, DateOnly today, UserLanguage language)
    {
        var t = RoundTexts.For(language);
        var title = t.SummaryTitle(progress.Plan.Title);
        var card = CardBaseline.New(language, title);
        card.Body.Add(CardText.Heading(title));
        card.Body.Add(new AdaptiveTextBlock(t.ResponseRate(progress.OwnersAnswered, progress.Owners.Count)) { Wrap = true });
        card.Body.Add(Heading(t.OwnersHeading));
        card.Body.Add(new AdaptiveFactSet
        {
            Facts = [.. progress.Owners.Select(o => new AdaptiveFact(AdaptiveText.EscapeMarkdown(o.Owner.Unit),
                (o.HasAnswered ? "✓ " : "⚠ ") + t.OwnerAnswered(o.Answered.Count, o.Answered.Count + o.Outstanding.Count)))],
        });
        card.Body.Add(Heading(t.StatusHeading));
        // A donut Teams draws, falling back to the counts line elsewhere; charts show statuses only, so overdue is said in text.
        var counts = StatusCounts.Of(planMeasures, today);
        card.Body.Add(StatusChart.ForPlan(counts, language));
        card.Body.Add(counts.OverdueBlock(language));
        card.Body.Add(CardText.Subtle(t.ExportFollows));
        return card;
    }

    private static AdaptiveTextBlock Heading(string text) =>
        new(AdaptiveText.EscapeMarkdown(text)) { Weight = AdaptiveTextWeight.Bolder, Wrap = true, Spacing = AdaptiveSpacing.Medium };

    private static AdaptiveTextBlock Bullet(string text) =>
        new("- " + AdaptiveText.EscapeMarkdown(text)) { Wrap = true, Spacing = AdaptiveSpacing.Small };
}
