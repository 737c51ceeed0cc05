using System.Text;
using System.Text.RegularExpressions;
using TeamsBot.Chat.Search;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// Turns a chat question into a <see cref="Question"/>: an intent plus every filter the question names. Each recogniser
/// claims the words it used — plan names first (so «25. juni» is not read as a date), then dates, then the intent
/// words, status, owner unit and area — and nothing a recogniser found is dropped: the intent only decides what is
/// done with the filters, never which of them apply. The words no recogniser claimed are the search text (the measure
/// looked up, or the topic a list is narrowed to).
/// </summary>
public static partial class QuestionParser
{
    [GeneratedRegex(@"\b(hvem eier|hvem eig|kven eig|kven eier|hvem har ansvar(et)?( for)?|kven har ansvar(et)?( for)?|hvem er ansvarlig( for)?|kven er ansvarleg( for)?|hvem sitt ansvar|kven sitt ansvar|hvem skal|kven skal|hvem svarer for|kven svarar for|who owns|who is responsible( for)?|who s responsible( for)?|who is in charge of|who leads|who is leading|owner of|owners of|eier av|eierne av|ansvarlig for|ansvarleg for)\b")]
    private static partial Regex WhoOwnsWords();

    [GeneratedRegex(@"\b(forsinket|forsinkede|forsinkete|forsinka|forsinkt|forsenket|forseinka|forseinke|forseinkte|forseinkast|forsinkelser?|forseinkingar?|etter skjema|over fristen|over frist|passert frist(en)?|fristen er passert|fristen har gått ut|gått over fristen|overskredet|overskride|forfalt|forfalte|overdue|over due|delayed|late|running late|behind schedule|behind|past due|past (the|their|its) deadlines?|missed( the| their| its)? deadlines?)\b")]
    private static partial Regex OverdueWords();

    [GeneratedRegex(@"\b(endret|endra|endringer|endringar|endringene|endringane|endring|oppdatert|oppdaterte|oppdateringer|oppdateringar|skjedd|hendt|nytt|nyheter|nyhende|changed|changes|change|updated|updates|what s new|whats new|what is new|anything new|news|happened|latest)\b")]
    private static partial Regex ChangedWords();

    [GeneratedRegex(@"\b(hvor mange|kor mange|kor mykje|hvor mye|antall|antallet|talet på|tallet på|how many|number of|count of|count)\b")]
    private static partial Regex CountWords();

    [GeneratedRegex(@"\b(oppsummering|oppsumering|opsummering|oppsummer|samandrag|sammendrag|statistikk|tall|summary|summarise|summarize|summery|statistics|totals?|overview)\b")]
    private static partial Regex SummaryWords();

    [GeneratedRegex(@"\b(frist|frister|fristar|fristen|fristene|fristane|forfaller|forfall|deadline|deadlines|due)\b")]
    private static partial Regex DeadlineWords();

    [GeneratedRegex(@"\b(hva er status(en)?|kva er status(en)?|status(en)? (for|på|til|of|on)|what is the status( of)?|what s the status( of)?|how is|how are|how s|hvordan går det med|korleis går det med|hvordan ligger|korleis ligg|hvor langt har|hvor langt er|kor langt har|kor langt er|hvor står|kvar står)\b")]
    private static partial Regex LookupWords();

    [GeneratedRegex(@"\b(alle tiltak|vis alle|vis meg|vis|liste|list opp|list|list all|show all|show me|show|all measures|alle|hvilke tiltak|kva tiltak|which measures|what measures)\b")]
    private static partial Regex ListWords();

    // «hvilke tiltak står PST bak?», «hva jobber PHS med?», "what is Kripos leading?", "anything on the Ministry's plate?"
    [GeneratedRegex(@"\b(står bak|står for|stå bak|jobber med|jobbar med|arbeider med|arbeider|jobber|driver med|held på med|holder på med|leder|leier|leiar|leading|leads|lead|working on|work on|works on|on (the|their|its)? ?plate|plate|responsible for|in charge of|har ansvar for|har ansvaret for|ansvar for|ansvaret for)\b")]
    private static partial Regex OwnerVerbs();

    [GeneratedRegex(@"\b(innen|innenfor|innan|innanfor|område|området|omradet|områda|area|within|field)\b")]
    private static partial Regex AreaMarkers();

    private static readonly (Regex Pattern, MeasureStatus Status)[] StatusWords =
    [
        (new Regex(@"\b(under planlegging|under planlegjing|under planleging|planleging|planlagte?|planlegges|planleggast|ikke startet|ikke starta|ikkje starta|ikke påbegynte?|ikkje påbyrja|ikke begynt|planned|being planned|not started|not yet started)\b"), MeasureStatus.UnderPlanning),
        (new Regex(@"\b(pågående|pågåande|pagaende|paagaaende|pågår|pagar|i gang|igang|underveis|i arbeid|under arbeid|in progress|ongoing|on going|started|active|underway|under way|being worked on)\b"), MeasureStatus.InProgress),
        (new Regex(@"\b(iverksatte?|iverksatt|iverksat|sett i verk|satt i verk|sette i verk|satte i verk|gjennomført|gjennomførte|gjennomfort|ferdige?|ferdigstilt|ferdigstilte|fullført|fullførte|fullfort|implementert|implemented|completed|complete|done|finished|delivered)\b"), MeasureStatus.Implemented),
        (new Regex(@"\b(anbefalte?|anbefalinger|anbefaling|tilrådd|tilrådde|tilrådingar|recommended|recommendations?)\b"), MeasureStatus.Recommended),
    ];

    // Words that carry no subject of their own in a question about measures (bokmål, nynorsk, English).
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "hva", "er", "på", "for", "til", "om", "med", "av", "i", "og", "det", "den", "de", "som", "har", "meg", "vi", "jeg",
        "kan", "du", "gi", "en", "et", "ei", "hvilke", "hvilken", "hvilket", "status", "statusen", "tiltak", "tiltaket", "tiltakene",
        "planen", "plan", "evalueringen", "evaluering", "eier", "eies", "eid", "ansvar", "sine", "sitt", "sin", "siden", "nå", "noen",
        "ting", "fra", "ved", "der", "her", "hos", "så", "da", "the", "a", "an", "is", "are", "was", "what", "which", "of", "on",
        "in", "to", "me", "about", "with", "and", "by", "measure", "measures", "owned", "own", "owns", "do", "does",
        "any", "there", "tell", "please", "pls", "takk", "thanks", "s", "since", "from", "has", "have", "been", "that",
        "it", "its", "this", "these", "those", "all", "some", "eller", "or", "finn", "find", "søk", "search",
        // nynorsk and dialect
        "kva", "kven", "korleis", "kor", "kvar", "ein", "eit", "eg", "dei", "noko", "nokon", "ikkje", "me", "tiltaka", "planane",
        // words around a filter
        "innen", "innenfor", "innan", "innanfor", "område", "området", "omradet", "områdene", "area", "within", "field", "tema", "temaet", "theme",
        "hvor", "how", "many", "much", "anything", "something", "noe", "skjedd", "bare", "kun", "only", "just", "still", "now",
        "currently", "right", "yet", "finnes", "fins", "går", "gjør", "gjøre", "ligger", "står", "vis", "show", "list",
        "planer", "plans", "were", "be", "being", "our", "we", "you", "can", "could", "would", "will", "get", "got",
        "etter", "after", "following", "gir", "gis", "give", "gives", "going", "doing", "coming", "along", "up",
        "ansvarlig", "ansvarleg", "ansvarlige", "responsible", "eiere", "eierne", "owner", "owners", "ledet", "led",
    };

    public static Question Parse(string text, DateOnly today, IEnumerable<Plan> plans) =>
        Parse(text, today, plans as IReadOnlyCollection<Plan> ?? [.. plans], null);

    public static Question Parse(string text, DateOnly today, IReadOnlyCollection<Plan> plans, AreaVocabulary? areas)
    {
        var rest = " " + text.ToLowerInvariant().Normalize(NormalizationForm.FormC) + " ";
        rest = rest.Replace('’', '\'').Replace('\'', ' ');

        var (planId, afterPlan) = PlanReferences.Extract(rest, plans);
        var refusedYear = DatePhrases.YearOutOfRange(afterPlan);
        var (range, afterDates) = DatePhrases.Extract(afterPlan, today);
        if (range is not null) refusedYear ??= DatePhrases.YearOutOfRange(range);
        rest = $" {ChatText.Normalize(afterDates)} ";

        // Owners first: «hva jobber PHS med?» reads as «jobber … med» once the unit's name is out.
        var owner = OwnerPhrases.Extract(ref rest);
        if (owner is not null) rest = $" {ChatText.Normalize(rest)} ";

        var whoOwns = Remove(WhoOwnsWords(), ref rest);
        var overdue = Remove(OverdueWords(), ref rest);
        var changed = Remove(ChangedWords(), ref rest);
        var deadlines = Remove(DeadlineWords(), ref rest);
        var count = Remove(CountWords(), ref rest);
        var summary = Remove(SummaryWords(), ref rest);
        var lookup = Remove(LookupWords(), ref rest);
        var list = Remove(ListWords(), ref rest);
        var ownerVerb = Remove(OwnerVerbs(), ref rest);
        var areaMarked = AreaMarkers().IsMatch(rest);

        MeasureStatus? status = null;
        foreach (var (pattern, candidate) in StatusWords)
            if (status is null && Remove(pattern, ref rest)) status = candidate;

        // An area is named by a word of its title; in a question about one measure those words are the measure's own
        // («felles situasjonsforståelse»), so only a question about several measures (or one that says «innen …»,
        // "in the area …") reads them as an area. An owner alone does not make it one: titles name owners too
        // («fast kontaktpunkt i politidistriktene»).
        var aboutSeveral = overdue || changed || count || summary || deadlines || list || ownerVerb || areaMarked
            || status is not null || range is not null || (owner is not null && IsEmpty(rest));
        AreaReference? area = null;
        if (aboutSeveral && !lookup)
            (area, rest) = (areas ?? new AreaVocabulary(plans, new TextAnalyzer())).Extract(rest);

        var searchText = string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Filler.Contains(w)));
        var filters = new QuestionFilters { Status = status, OwnerUnit = owner, PlanId = planId, Area = area, Range = range };

        var kind = 0 switch
        {
            _ when whoOwns && searchText.Length > 0 => QuestionKind.WhoOwns,
            _ when overdue => QuestionKind.Overdue,
            _ when changed => QuestionKind.ChangedSince,
            _ when deadlines => QuestionKind.DueSoon,
            _ when count => QuestionKind.Count,
            _ when summary && (status is not null || owner is not null || area is not null || searchText.Length > 0) => QuestionKind.Count,
            _ when summary => QuestionKind.Summary,
            _ when lookup && searchText.Length > 0 => QuestionKind.Lookup,
            _ when searchText.Length > 0 && !aboutSeveral && !whoOwns => QuestionKind.Lookup,
            _ when range is not null => QuestionKind.DueSoon,
            _ when searchText.Length == 0 && planId is not null && status is null && owner is null && area is null => QuestionKind.Summary,
            _ when lookup && filters.IsEmpty => QuestionKind.Summary,
            _ => QuestionKind.List,
        };

        // The defaults a coordinator means when no period is named.
        if (kind == QuestionKind.DueSoon && range is null) filters = filters with { Range = new DateRange(today, today.AddDays(30)) };
        if (kind == QuestionKind.ChangedSince && range is null) filters = filters with { Range = new DateRange(today.AddDays(-7), today) };
        return new Question(kind, filters, searchText) { RefusedYear = refusedYear, Counted = count || kind == QuestionKind.Count };
    }

    private static bool IsEmpty(string rest) => rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(Filler.Contains);

    private static bool Remove(Regex pattern, ref string text)
    {
        var found = false;
        text = pattern.Replace(text, _ => { found = true; return " "; });
        return found;
    }
}
