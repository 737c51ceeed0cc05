using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Chat.Answers;
using TeamsBot.Chat.Search;
using TeamsBot.Chat.Understanding;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat;

/// <summary>Answers a chat question from the read index: parse, select, order, render. Never an empty reply.</summary>
public sealed class QuestionAnswerer(MeasureIndex index, MeasureSearch search, ChangedMeasures changedMeasures)
{
    public const int CandidateCount = 5;

    public async Task<ChatAnswer> AnswerAsync(string text, UserLanguage language, DateOnly today, int page, CancellationToken ct)
    {
        var snapshot = index.Current;
        if (ById(text, snapshot) is { } named && snapshot.Plans.TryGetValue(named.PlanId, out var namedPlan))
            return new ChatAnswer(MeasureCard.Build(named, namedPlan, new MeasureView(language, today)), named.Title, AnswerKind.Measure);
        var question = QuestionParser.Parse(text, today, snapshot.Plans.Values);
        var filter = FilterOf(question.Filters);
        var moreData = new JsonObject { ["q"] = text };
        var list = new ListView(language, today, Page: page, MoreData: moreData);
        var texts = ChatTexts.For(language);

        switch (question.Kind)
        {
            case QuestionKind.Lookup:
                return Lookup(text, question, filter, snapshot, language, today);

            case QuestionKind.WhoOwns:
                return WhoOwns(text, question, filter, snapshot, language, today);

            case QuestionKind.Overdue:
                return ListOrSentence(AnswerKind.Overdue, texts.Overdue, texts.NoneOverdue,
                    InListOrder(snapshot, list, m => filter(m) && m.IsOverdue(today)), snapshot, list);

            case QuestionKind.DueSoon:
            {
                var period = Period(question.Filters.Range!, language, texts);
                return ListOrSentence(AnswerKind.DueSoon, texts.DueBetween(period), texts.NoneDueBetween(period),
                    InListOrder(snapshot, list, m => filter(m)
                        && m.Deadline is { } deadline && question.Filters.Range!.Contains(deadline)
                        && m.Status != MeasureStatus.Implemented),
                    snapshot, list);
            }

            case QuestionKind.ChangedSince:
            {
                var period = Period(question.Filters.Range!, language, texts);
                var changed = (await changedMeasures.InAsync(snapshot, question.Filters.Range!, ct)).Where(filter);
                return ListOrSentence(AnswerKind.Changed, texts.ChangedBetween(period), texts.NoneChangedBetween(period),
                    MeasurePage.Select(changed, MeasureOrdering.ForLists(today), list.Page, list.PageSize), snapshot, list);
            }

            case QuestionKind.Summary when question.Filters.PlanId is { } planId && snapshot.Plans.TryGetValue(planId, out var plan):
            {
                var card = SummaryCard.Build(plan, snapshot.InPlan(planId).ToList(), new SummaryView(language, today));
                return new ChatAnswer(card, plan.Title, AnswerKind.Summary);
            }

            case QuestionKind.Summary:
                return new ChatAnswer(null, PlanOverview.Render(snapshot, language), AnswerKind.Summary);

            default:
                return ListOrSentence(AnswerKind.List, ListHeading(question.Filters, snapshot, language, texts), texts.NoneMatch,
                    InListOrder(snapshot, list, filter), snapshot, list);
        }
    }

    private ChatAnswer Lookup(string text, Question question, Func<Measure, bool> filter, MeasureSnapshot snapshot, UserLanguage language, DateOnly today)
    {
        var hits = search.Search(question.SearchText, CandidateCount, filter);
        if (hits.Count == 0)
        {
            var nearest = search.Search(question.SearchText, 3).Select(h => h.Measure).ToList();
            return new ChatAnswer(NotFoundCard.Build(text, nearest, language), text, AnswerKind.NotUnderstood);
        }
        if (search.IsConfident(hits) && snapshot.Plans.TryGetValue(hits[0].Measure.PlanId, out var plan))
            return new ChatAnswer(MeasureCard.Build(hits[0].Measure, plan, new MeasureView(language, today)), hits[0].Measure.Title, AnswerKind.Measure);
        return new ChatAnswer(CandidatesCard.Build(text, hits.Select(h => h.Measure).ToList(), snapshot.Plans, language, today), text, AnswerKind.Candidates);
    }

    private ChatAnswer WhoOwns(string text, Question question, Func<Measure, bool> filter, MeasureSnapshot snapshot, UserLanguage language, DateOnly today)
    {
        var hits = search.Search(question.SearchText, CandidateCount, filter);
        if (hits.Count == 0 || !search.IsConfident(hits)) return Lookup(text, question, filter, snapshot, language, today);
        var measure = hits[0].Measure;
        var texts = ChatTexts.For(language);
        var title = AdaptiveText.EscapeMarkdown(measure.Title);
        return new ChatAnswer(null, measure.Owners.Count == 0
            ? texts.NoOwnerKnown(title)
            : texts.OwnedBy(title, JoinWords(measure.Owners, texts.And)), AnswerKind.WhoOwns);
    }

    /// <summary>The page of the snapshot's matching measures, walked in list order (kept per snapshot): nothing to sort.</summary>
    private static MeasurePage InListOrder(MeasureSnapshot snapshot, ListView view, Func<Measure, bool> matches) =>
        MeasurePage.Of(MeasureOrdering.ForLists(snapshot, view.Today).Where(matches), view.Page, view.PageSize);

    private static ChatAnswer ListOrSentence(AnswerKind kind, string heading, string none, MeasurePage page, MeasureSnapshot snapshot, ListView view)
    {
        if (page.Total == 0) return new ChatAnswer(null, none, kind);
        return new ChatAnswer(MeasureListCard.Build($"{heading} ({page.Total})", page, snapshot.Plans, view), heading, kind);
    }

    /// <summary>A measure asked for by its id («status 25-juni-22»), which coordinators copy from exports.</summary>
    private static Measure? ById(string text, MeasureSnapshot snapshot)
    {
        if (!text.Any(char.IsDigit)) return null;
        var words = text.Split([' ', '?', '!', ',', ':', ';', '«', '»', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('.'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return snapshot.FirstWithIdIn(words);
    }

    /// <summary>Status, plan and owner; a date range means different things per kind of question, so each applies its own.</summary>
    private static Func<Measure, bool> FilterOf(QuestionFilters filters) => m =>
        (filters.Status is null || m.Status == filters.Status) &&
        (filters.PlanId is null || m.PlanId == filters.PlanId) &&
        (filters.OwnerUnit is null || m.Owners.Contains(filters.OwnerUnit, StringComparer.OrdinalIgnoreCase));

    private static string ListHeading(QuestionFilters filters, MeasureSnapshot snapshot, UserLanguage language, ChatTexts texts)
    {
        var parts = new List<string>();
        if (filters.Status is { } status)
            parts.Add(StatusLabels.Heading(status, language));
        if (filters.OwnerUnit is { } owner) parts.Add(owner);
        if (filters.PlanId is { } planId && snapshot.Plans.TryGetValue(planId, out var plan)) parts.Add(plan.Title);
        return parts.Count == 0 ? texts.Measures : $"{texts.Measures}: {string.Join(" · ", parts)}";
    }

    private static string Period(DateRange range, UserLanguage language, ChatTexts texts)
    {
        string D(DateOnly d) => DateTexts.ShortDate(d, language);
        return (range.From, range.To) switch
        {
            ({ } from, { } to) when from == to => D(from),
            ({ } from, { } to) => $"{D(from)}–{D(to)}",
            ({ } from, null) => $"{texts.Since} {D(from)}",
            (null, { } to) => $"{texts.Until} {D(to)}",
            _ => "",
        };
    }

    private static string JoinWords(IReadOnlyList<string> words, string and) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} {and} {words[^1]}";
}
