using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsBot.Cards;
using TeamsBot.Chat.Answers;
using TeamsBot.Chat.Memory;
using TeamsBot.Chat.Search;
using TeamsBot.Chat.Understanding;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Chat;

/// <summary>
/// Answers a chat question from the read index: understand (<see cref="QuestionParser"/>), apply every filter
/// (<see cref="AppliedQuery"/>), select, say what was understood (<see cref="UnderstoodLine"/>), render. Never an
/// empty reply, never more than <see cref="MeasureSearch.MaxQueryLength"/> characters of the question read.
/// </summary>
public sealed class QuestionAnswerer(MeasureIndex index, MeasureSearch search, ChangedMeasures changedMeasures)
{
    public const int CandidateCount = 5;

    /// <summary>A topic narrows a list to the measures its words match at least this well…</summary>
    private const double TopicCoverage = 0.5;

    /// <summary>…of at most this many (a topic is a few words; the heap stays small).</summary>
    private const int MaxTopicMeasures = 300;

    private readonly ConditionalWeakTable<ImmutableDictionary<string, Plan>, AreaVocabulary> _areas = new();

    public async Task<ChatAnswer> AnswerAsync(string text, UserLanguage language, DateOnly today, int page, CancellationToken ct)
    {
        if (text.Length > MeasureSearch.MaxQueryLength) text = text[..MeasureSearch.MaxQueryLength];
        var texts = ChatTexts.For(language);
        if (SmallTalk.Recognize(text) is { } talk) return new ChatAnswer(null, texts.SmallTalk(talk), AnswerKind.SmallTalk);

        var snapshot = index.Current;
        if (ById(text, snapshot) is { } named) return MeasureAnswer(named, snapshot, language, today);

        var question = QuestionParser.Parse(text, today, [.. snapshot.Plans.Values], AreasOf(snapshot));
        if (question.RefusedYear is { } year) return new ChatAnswer(null, texts.YearOutOfRange(year), AnswerKind.Refused);
        // A plain lookup already searches every word it has; a title read as filters (an agency, a status, a date) is not.
        if ((question.Kind != QuestionKind.Lookup || !question.Filters.IsEmpty) && NearVerbatimTitle(text) is { } titled)
            return question.Kind == QuestionKind.WhoOwns ? OwnersOf(titled, language) : MeasureAnswer(titled, snapshot, language, today);

        return await AnswerQuestionAsync(question, text, new JsonObject { ["q"] = text }, snapshot, language, today, page, ct);
    }

    /// <summary>A follow-up to the conversation's last answer, or null when it does not fit that answer (then it is a question of its own).</summary>
    public async Task<ChatAnswer?> FollowUpAsync(FollowUpKind kind, string text, ConversationContext context, UserLanguage language, DateOnly today, CancellationToken ct)
    {
        if (text.Length > MeasureSearch.MaxQueryLength) return null;
        var snapshot = index.Current;
        switch (kind)
        {
            case FollowUpKind.More when context.LastQuery is { } last:
                return await AnswerStoredAsync(last, snapshot, language, today, Math.Min(context.Page + 1, ChatMoreHandler.MaxPage), ct);

            case FollowUpKind.Refine when context.LastQuery is { } last:
            {
                var narrowing = QuestionParser.Parse(FollowUps.WithoutRefineWord(text), today, [.. snapshot.Plans.Values], AreasOf(snapshot));
                var filters = narrowing.Filters;
                if (filters is { Status: null, OwnerUnit: null, PlanId: null, Area: null } && !narrowing.HasSearchText) return null;
                var merged = last with
                {
                    Filters = last.Filters with
                    {
                        Status = filters.Status ?? last.Filters.Status,
                        OwnerUnit = filters.OwnerUnit ?? last.Filters.OwnerUnit,
                        PlanId = filters.PlanId ?? last.Filters.PlanId,
                        Area = filters.Area ?? last.Filters.Area,
                    },
                    SearchText = string.Join(' ', new[] { last.SearchText, narrowing.SearchText }.Where(t => t.Length > 0)),
                };
                return await AnswerStoredAsync(merged, snapshot, language, today, 0, ct);
            }

            case FollowUpKind.AboutShown when context.Shown.Count > 0:
            {
                var question = QuestionParser.Parse(text, today, [.. snapshot.Plans.Values], AreasOf(snapshot));
                // «frister for det operative området» names a subject of its own: not about what was shown.
                if (question.Filters is not { Status: null, OwnerUnit: null, PlanId: null, Area: null }) return null;
                if (question.HasSearchText && UsableWords(question.SearchText).Used.Any(w => FollowUps.Field(w) is null)) return null;
                var shown = context.Shown.Select(k => snapshot.Find(k.PlanId, k.MeasureId)).OfType<Measure>().ToList();
                if (shown.Count == 0) return null;
                if (shown.Count > 1)
                    return new ChatAnswer(CandidatesCard.Build(text, shown, snapshot.Plans, language, today), AdaptiveText.Quote(text), AnswerKind.Candidates)
                    {
                        Shown = [.. shown.Take(CandidatesCard.MaxChoices).Select(m => new MeasureKey(m.PlanId, m.Id))],
                    };
                return AboutMeasure(shown[0], FollowUps.Field(ChatText.Normalize(text)) ?? ShownField.Card, snapshot, language, today);
            }

            default:
                return null;
        }
    }

    /// <summary>A stored query (the context's, or a list card's "show more"), answered again from the current index.</summary>
    public Task<ChatAnswer> AnswerStoredAsync(Question question, UserLanguage language, DateOnly today, int page, CancellationToken ct) =>
        AnswerStoredAsync(question, index.Current, language, today, page, ct);

    private Task<ChatAnswer> AnswerStoredAsync(Question question, MeasureSnapshot snapshot, UserLanguage language, DateOnly today, int page, CancellationToken ct) =>
        AnswerQuestionAsync(question, AdaptiveText.Quote(question.SearchText), new JsonObject { ["query"] = JsonSerializer.Serialize(question, QueryJson.Options) },
            snapshot, language, today, page, ct);

    private static ChatAnswer AboutMeasure(Measure measure, ShownField field, MeasureSnapshot snapshot, UserLanguage language, DateOnly today)
    {
        var texts = ChatTexts.For(language);
        var title = AdaptiveText.EscapeMarkdown(measure.Title);
        var shown = new[] { new MeasureKey(measure.PlanId, measure.Id) };
        var deadline = measure.Deadline is { } date ? texts.DeadlineOf(title, DateTexts.Date(date, language)) : texts.NoDeadlineKnown(title);
        var remark = measure.Remark.Length == 0 ? texts.NoRemarkKnown(title) : texts.RemarkOf(title, AdaptiveText.EscapeMarkdown(measure.Remark));
        return field switch
        {
            ShownField.Deadline => new ChatAnswer(null, deadline, AnswerKind.Measure) { Shown = shown },
            ShownField.Remark => new ChatAnswer(null, remark, AnswerKind.Measure) { Shown = shown },
            ShownField.Owners => OwnersOf(measure, language),
            _ => MeasureAnswer(measure, snapshot, language, today),
        };
    }

    private async Task<ChatAnswer> AnswerQuestionAsync(Question question, string text, JsonObject moreData, MeasureSnapshot snapshot, UserLanguage language, DateOnly today, int page, CancellationToken ct)
    {
        var texts = ChatTexts.For(language);
        switch (question.Kind)
        {
            case QuestionKind.Lookup:
                return Lookup(text, question, snapshot, language, today);
            case QuestionKind.WhoOwns:
                return WhoOwns(text, question, snapshot, language, today);
            case QuestionKind.Summary when question.Filters.PlanId is { } planId && snapshot.Plans.TryGetValue(planId, out var plan):
                return new ChatAnswer(SummaryCard.Build(plan, snapshot.InPlan(planId).ToList(), new SummaryView(language, today)), plan.Title, AnswerKind.Summary);
            case QuestionKind.Summary:
                return new ChatAnswer(null, PlanOverview.Render(snapshot, language), AnswerKind.Summary);
            case QuestionKind.Count when question.HasSearchText && question.Filters is { Status: null, OwnerUnit: null, PlanId: null }
                && search.Search(string.Join(' ', UsableWords(question.SearchText).Used), CandidateCount) is { } hits && search.IsConfident(hits):
                // «hvor mange timer skytetrening …»: a question about one measure's content that begins with a count word.
                return MeasureAnswer(hits[0].Measure, snapshot, language, today);
        }

        var query = Apply(question);
        var list = new ListView(language, today, Page: page, MoreData: moreData);
        return await SelectAsync(query, snapshot, list, texts, ct);
    }

    /// <summary>The question's topic words resolved against the search: those that match measures narrow the answer, the rest are named as not used.</summary>
    private AppliedQuery Apply(Question question)
    {
        if (!question.HasSearchText) return new AppliedQuery(question, [], null, []);
        var (used, unused) = UsableWords(question.SearchText);
        if (used.Count == 0) return new AppliedQuery(question, [], null, unused);
        var topic = search.Search(string.Join(' ', used), MaxTopicMeasures)
            .Where(h => h.Coverage >= TopicCoverage)
            .Select(h => new MeasureKey(h.Measure.PlanId, h.Measure.Id))
            .ToHashSet();
        return new AppliedQuery(question, used, topic, unused);
    }

    /// <summary>The words of <paramref name="searchText"/> some measure matches, and those none does.</summary>
    private (List<string> Used, List<string> Unused) UsableWords(string searchText)
    {
        var used = new List<string>();
        var unused = new List<string>();
        foreach (var word in searchText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            (search.Knows(word) ? used : unused).Add(word);
        return (used, unused);
    }

    private async Task<ChatAnswer> SelectAsync(AppliedQuery query, MeasureSnapshot snapshot, ListView list, ChatTexts texts, CancellationToken ct)
    {
        var today = list.Today;
        var range = query.Filters.Range;
        var kind = query.Question.Kind;
        MeasurePage page;
        Func<int> broadCount;
        string none;
        switch (kind)
        {
            case QuestionKind.Overdue:
                page = InListOrder(snapshot, list, m => query.Matches(m) && m.IsOverdue(today));
                broadCount = () => snapshot.All.Count(m => m.IsOverdue(today));
                none = texts.NoneOverdue;
                break;
            case QuestionKind.DueSoon:
                page = InListOrder(snapshot, list, m => query.Matches(m) && IsDueIn(m, range!));
                broadCount = () => snapshot.All.Count(m => IsDueIn(m, range!));
                none = texts.NoneDueBetween(UnderstoodLine.Period(range!, list.Language, texts));
                break;
            case QuestionKind.ChangedSince:
                var changed = await changedMeasures.InAsync(snapshot, range!, ct);
                page = MeasurePage.Select(changed.Where(query.Matches), MeasureOrdering.ForLists(today), list.Page, list.PageSize);
                broadCount = () => changed.Count;
                none = texts.NoneChangedBetween(UnderstoodLine.Period(range!, list.Language, texts));
                break;
            default:
                page = InListOrder(snapshot, list, m => query.Matches(m) && (range is null || m.Deadline is { } d && range.Contains(d)));
                broadCount = () => snapshot.All.Count;
                none = texts.NoneMatch;
                break;
        }

        var answerKind = kind switch
        {
            QuestionKind.Overdue => AnswerKind.Overdue,
            QuestionKind.DueSoon => AnswerKind.DueSoon,
            QuestionKind.ChangedSince => AnswerKind.Changed,
            QuestionKind.Count => AnswerKind.Count,
            _ => AnswerKind.List,
        };
        var line = UnderstoodLine.Render(query, snapshot, list.Language);
        if (page.Total > 0)
        {
            var lead = query.Question.Counted ? texts.Number(page.Total) : null;
            return new ChatAnswer(MeasureListCard.BuildUnderstood($"{line} ({page.Total})", lead, page, snapshot.Plans, list), line, answerKind)
            {
                Query = query.Question, Shown = [.. page.Items.Select(m => new MeasureKey(m.PlanId, m.Id))], Page = list.Page,
            };
        }

        // «har det skjedd noe med PLIVO?» and nothing has: where the matching measures stand now.
        if (kind == QuestionKind.ChangedSince && query.Topic is { Count: > 0 })
        {
            var standing = InListOrder(snapshot, list, query.Matches);
            if (standing.Total > 0)
                return new ChatAnswer(MeasureListCard.BuildUnderstood($"{line} – {texts.NoChangesCurrentStatus} ({standing.Total})", null, standing, snapshot.Plans, list), line, answerKind)
                {
                    Query = query.Question, Shown = [.. standing.Items.Select(m => new MeasureKey(m.PlanId, m.Id))], Page = list.Page,
                };
        }

        if (!query.IsFiltered) return new ChatAnswer(null, $"{line}\n\n{none}", answerKind) { Query = query.Question };
        var inAll = broadCount();
        var nearest = inAll == 0 ? none : kind switch
        {
            QuestionKind.Overdue => texts.OverdueInAll(inAll),
            QuestionKind.DueSoon => texts.DueInAll(inAll, UnderstoodLine.Period(range!, list.Language, texts)),
            QuestionKind.ChangedSince => texts.ChangedInAll(inAll, UnderstoodLine.Period(range!, list.Language, texts)),
            _ => texts.MeasuresInAll(inAll),
        };
        return new ChatAnswer(null, $"{line}\n\n{texts.NoneWithFilters} {nearest}", answerKind) { Query = query.Question };
    }

    private static bool IsDueIn(Measure m, DateRange range) =>
        m.Deadline is { } deadline && range.Contains(deadline) && m.Status != MeasureStatus.Implemented;

    private ChatAnswer Lookup(string text, Question question, MeasureSnapshot snapshot, UserLanguage language, DateOnly today)
    {
        var filter = new AppliedQuery(question, [], null, []).Matches;
        var hits = search.Search(question.SearchText, CandidateCount, filter);
        if (!search.IsConfident(hits))
        {
            // Words no measure has ("going", a stray typo) only lower the coverage of the ones that name the measure.
            var words = UsableWords(question.SearchText).Used;
            var narrowed = words.Count == 0 ? [] : search.Search(string.Join(' ', words), CandidateCount, filter);
            if (search.IsConfident(narrowed)) hits = narrowed;
        }
        if (hits.Count == 0)
        {
            var nearest = search.Search(question.SearchText, 3).Select(h => h.Measure).ToList();
            return new ChatAnswer(NotFoundCard.Build(text, nearest, language, Suggestions(snapshot, language)), AdaptiveText.Quote(text), AnswerKind.NotUnderstood);
        }
        if (search.IsConfident(hits)) return MeasureAnswer(hits[0].Measure, snapshot, language, today);
        return new ChatAnswer(CandidatesCard.Build(text, hits.Select(h => h.Measure).ToList(), snapshot.Plans, language, today), AdaptiveText.Quote(text), AnswerKind.Candidates)
        {
            Shown = [.. hits.Take(CandidatesCard.MaxChoices).Select(h => new MeasureKey(h.Measure.PlanId, h.Measure.Id))],
        };
    }

    private ChatAnswer WhoOwns(string text, Question question, MeasureSnapshot snapshot, UserLanguage language, DateOnly today)
    {
        var filter = new AppliedQuery(question, [], null, []).Matches;
        var hits = search.Search(question.SearchText, CandidateCount, filter);
        if (hits.Count == 0 || !search.IsConfident(hits)) return Lookup(text, question, snapshot, language, today);
        return OwnersOf(hits[0].Measure, language);
    }

    private static ChatAnswer OwnersOf(Measure measure, UserLanguage language)
    {
        var texts = ChatTexts.For(language);
        var title = AdaptiveText.EscapeMarkdown(measure.Title);
        return new ChatAnswer(null, measure.Owners.Count == 0
            ? texts.NoOwnerKnown(title)
            : texts.OwnedBy(title, JoinWords(measure.Owners, texts.And)), AnswerKind.WhoOwns)
        {
            Shown = [new MeasureKey(measure.PlanId, measure.Id)],
        };
    }

    private static ChatAnswer MeasureAnswer(Measure measure, MeasureSnapshot snapshot, UserLanguage language, DateOnly today) =>
        (snapshot.Plans.TryGetValue(measure.PlanId, out var plan)
            ? new ChatAnswer(MeasureCard.Build(measure, plan, new MeasureView(language, today)), measure.Title, AnswerKind.Measure)
            : new ChatAnswer(null, AdaptiveText.EscapeMarkdown(measure.Title), AnswerKind.Measure)) with
        {
            Shown = [new MeasureKey(measure.PlanId, measure.Id)],
        };

    /// <summary>
    /// A title typed nearly word for word wins over every reading of its words as filters: «Nasjonal rutine for
    /// samhandling mellom politiet og PST» is that measure, not a list of PST's.
    /// </summary>
    private Measure? NearVerbatimTitle(string text)
    {
        var words = ChatText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4) return null;
        var hits = search.Search(text, 1);
        if (hits.Count == 0) return null;
        var title = ChatText.Normalize(hits[0].Measure.Title).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (title.Count < 4) return null;
        var shared = words.Distinct().Count(title.Contains);
        return shared >= 0.75 * title.Count && words.Length - shared <= 3 ? hits[0].Measure : null;
    }

    /// <summary>Three questions that work, built from the data: a real measure's short name, a real area, a real owner.</summary>
    private List<string> Suggestions(MeasureSnapshot snapshot, UserLanguage language)
    {
        var english = language == UserLanguage.English;
        var (alias, owner) = _suggestionData.GetValue(snapshot, SuggestionDataOf);
        var suggestions = new List<string>(3);
        if (alias is not null) suggestions.Add(english ? $"status of {alias}" : $"status for {alias}");
        if (AreasOf(snapshot).Sample() is { } areaWord)
            suggestions.Add(english ? $"what is overdue in {areaWord}?" : $"forsinkede tiltak innen {areaWord}");
        if (owner is not null) suggestions.Add(english ? $"what is {owner} working on?" : $"hva jobber {owner} med?");
        return suggestions;
    }

    // Read once per snapshot: a scan of every measure per "not understood" would cost milliseconds with 10,000.
    private readonly ConditionalWeakTable<MeasureSnapshot, Tuple<string?, string?>> _suggestionData = new();

    private static Tuple<string?, string?> SuggestionDataOf(MeasureSnapshot snapshot) => Tuple.Create(
        snapshot.All.FirstOrDefault(m => m.Aliases.Count > 0)?.Aliases[0],
        snapshot.All.SelectMany(m => m.Owners).GroupBy(o => o, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key);

    private AreaVocabulary AreasOf(MeasureSnapshot snapshot) =>
        _areas.GetValue(snapshot.Plans, plans => new AreaVocabulary(plans.Values, search.Analyzer));

    /// <summary>The page of the snapshot's matching measures, walked in list order (kept per snapshot): nothing to sort.</summary>
    private static MeasurePage InListOrder(MeasureSnapshot snapshot, ListView view, Func<Measure, bool> matches) =>
        MeasurePage.Of(MeasureOrdering.ForLists(snapshot, view.Today).Where(matches), view.Page, view.PageSize);

    /// <summary>A measure asked for by its id («status 25-juni-22»), which coordinators copy from exports.</summary>
    private static Measure? ById(string text, MeasureSnapshot snapshot)
    {
        if (!text.Any(char.IsDigit)) return null;
        var words = text.Split([' ', '?', '!', ',', ':', ';', '«', '»', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('.'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return snapshot.FirstWithIdIn(words);
    }

    private static string JoinWords(IReadOnlyList<string> words, string and) =>
        words.Count == 1 ? words[0] : $"{string.Join(", ", words.Take(words.Count - 1))} {and} {words[^1]}";
}
