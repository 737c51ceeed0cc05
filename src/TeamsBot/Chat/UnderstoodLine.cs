using TeamsBot.Cards;
using TeamsBot.Chat.Understanding;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Chat;

/// <summary>
/// The line every list, count and summary answer opens with: the intent and each filter applied, the topic words and
/// the words not used («Forsinkede tiltak · Område: Kommunikasjon · Ansvarlig: Kripos»), so a misreading shows at once.
/// Markdown: the plans' names escaped, the user's words quoted with <see cref="AdaptiveText.Quote"/>.
/// </summary>
public static class UnderstoodLine
{
    public static string Render(AppliedQuery query, MeasureSnapshot snapshot, UserLanguage language)
    {
        var texts = ChatTexts.For(language);
        var filters = query.Filters;
        var intent = Intent(query.Question.Kind, filters.Range, language, texts);
        var parts = new List<string> { AdaptiveText.EscapeMarkdown(query.Question.Counted && query.Question.Kind != QuestionKind.Count ? texts.CountOf(intent) : intent) };

        if (filters.PlanId is { } planId)
            parts.Add(AdaptiveText.EscapeMarkdown(texts.PlanFilter(snapshot.Plans.TryGetValue(planId, out var plan) ? plan.Title : planId)));
        if (filters.Area is { } area)
            parts.Add(AdaptiveText.EscapeMarkdown(texts.AreaFilter(AreaTitle(area, snapshot))));
        if (filters.Status is { } status)
            parts.Add(AdaptiveText.EscapeMarkdown(texts.StatusFilter(StatusLabels.Heading(status, language))));
        if (filters.OwnerUnit is { } owner)
            parts.Add(AdaptiveText.EscapeMarkdown(texts.OwnerFilter(owner)));
        if (filters.Range is { } range && query.Question.Kind is QuestionKind.List or QuestionKind.Count)
            parts.Add(AdaptiveText.EscapeMarkdown(texts.DeadlineFilter(Period(range, language, texts))));
        if (query.TopicWords.Count > 0)
            parts.Add(texts.TopicFilter(AdaptiveText.Quote(string.Join(' ', query.TopicWords))));
        if (query.UnusedWords.Count > 0)
            parts.Add(texts.NotUsed(AdaptiveText.Quote(string.Join(' ', query.UnusedWords))));
        return string.Join(" · ", parts);
    }

    public static string Intent(QuestionKind kind, DateRange? range, UserLanguage language, ChatTexts texts) => kind switch
    {
        QuestionKind.Overdue => texts.OverdueIntent,
        QuestionKind.DueSoon => texts.DueIntent(range is null ? "" : Period(range, language, texts)),
        QuestionKind.ChangedSince => texts.ChangedIntent(range is null ? "" : Period(range, language, texts)),
        QuestionKind.Count or QuestionKind.Summary => texts.CountIntent,
        _ => texts.ListIntent,
    };

    public static string Period(DateRange range, UserLanguage language, ChatTexts texts)
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

    private static string AreaTitle(AreaReference area, MeasureSnapshot snapshot) =>
        snapshot.Plans.TryGetValue(area.PlanId, out var plan) && plan.Areas.FirstOrDefault(a => a.Id == area.AreaId) is { } found
            ? found.Title
            : area.AreaId;
}
