using System.Text;
using System.Text.RegularExpressions;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// Turns a chat question into a <see cref="Question"/>. Deterministic: plan names first (so «25. juni» is not read as a
/// date), then date phrases, then the kind of question and its filters; the words left over are the search text.
/// </summary>
public static partial class QuestionParser
{
    [GeneratedRegex(@"\b(hvem eier|hvem har ansvar(et)?( for)?|hvem er ansvarlig( for)?|hvem sitt ansvar|hvem skal|who owns|who is responsible( for)?|who s responsible( for)?|who is in charge of|owner of|owners of|eier av|eierne av|ansvarlig for)\b")]
    private static partial Regex WhoOwnsWords();

    [GeneratedRegex(@"\b(forsinket|forsinkede|forsinka|forsinkelser?|etter skjema|over fristen|passert frist(en)?|fristen er passert|forfalt|forfalte|overdue|delayed|late|behind schedule|past due|missed( the)? deadlines?)\b")]
    private static partial Regex OverdueWords();

    [GeneratedRegex(@"\b(endret|endra|endringer|endringene|endring|oppdatert|oppdaterte|oppdateringer|skjedd|nytt|changed|changes|change|updated|updates|what s new|whats new|happened)\b")]
    private static partial Regex ChangedWords();

    [GeneratedRegex(@"\b(oppsummering|oppsummer|sammendrag|statistikk|tall|hvor mange|summary|summarise|summarize|statistics|how many|totals?|overview)\b")]
    private static partial Regex SummaryWords();

    [GeneratedRegex(@"\b(frist|frister|fristen|fristene|forfaller|deadline|deadlines|due)\b")]
    private static partial Regex DeadlineWords();

    [GeneratedRegex(@"\b(hva er status(en)?|status(en)? (for|på|til|of|on)|what is the status( of)?|what s the status( of)?|how is|how are|hvordan går det med|hvor langt har|hvor langt er)\b")]
    private static partial Regex LookupWords();

    [GeneratedRegex(@"\b(alle tiltak|vis alle|vis|liste|list|list all|show all|show me|show|all measures|alle)\b")]
    private static partial Regex ListWords();

    private static readonly (Regex Pattern, MeasureStatus Status)[] StatusWords =
    [
        (new Regex(@"\b(under planlegging|planlagte?|planlegges|planned|being planned|not started)\b"), MeasureStatus.UnderPlanning),
        (new Regex(@"\b(pågående|pågår|i gang|underveis|in progress|ongoing|started|active)\b"), MeasureStatus.InProgress),
        (new Regex(@"\b(iverksatte?|iverksatt|gjennomført|gjennomførte|ferdige?|fullført|fullførte|implemented|completed|complete|done|finished)\b"), MeasureStatus.Implemented),
        (new Regex(@"\b(anbefalte?|anbefalinger|anbefaling|recommended|recommendations?)\b"), MeasureStatus.Recommended),
    ];

    // Words that carry no subject of their own in a question about measures.
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "hva", "er", "på", "for", "til", "om", "med", "av", "i", "og", "det", "den", "de", "som", "har", "meg", "vi", "jeg",
        "kan", "du", "gi", "en", "et", "ei", "hvilke", "hvilken", "hvilket", "status", "statusen", "tiltak", "tiltaket", "tiltakene",
        "planen", "plan", "evalueringen", "evaluering", "eier", "eies", "eid", "ansvar", "sine", "sitt", "sin", "siden", "nå", "noen",
        "ting", "fra", "ved", "der", "her", "hos", "så", "da", "the", "a", "an", "is", "are", "was", "what", "which", "of", "on",
        "in", "to", "me", "about", "with", "and", "by", "measure", "measures", "owned", "own", "owns", "do", "does",
        "any", "there", "tell", "please", "pls", "takk", "thanks", "s", "since", "from", "has", "have", "been", "that",
        "it", "its", "this", "these", "those", "all", "some", "eller", "or", "finn", "find", "søk", "search",
    };

    public static Question Parse(string text, DateOnly today, IEnumerable<Plan> plans)
    {
        var rest = " " + text.ToLowerInvariant().Normalize(NormalizationForm.FormC) + " ";
        rest = rest.Replace('’', '\'').Replace('\'', ' ');

        var (planId, afterPlan) = PlanReferences.Extract(rest, plans);
        var (range, afterDates) = DatePhrases.Extract(afterPlan, today);
        rest = $" {ChatText.Normalize(afterDates)} ";

        var whoOwns = Remove(WhoOwnsWords(), ref rest);
        var overdue = Remove(OverdueWords(), ref rest);
        var changed = Remove(ChangedWords(), ref rest);
        var summary = Remove(SummaryWords(), ref rest);
        var deadlines = Remove(DeadlineWords(), ref rest);
        var lookup = Remove(LookupWords(), ref rest);
        var list = Remove(ListWords(), ref rest);

        MeasureStatus? status = null;
        foreach (var (pattern, candidate) in StatusWords)
            if (status is null && Remove(pattern, ref rest)) status = candidate;

        var owner = FindOwner(ref rest);
        var searchText = string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Filler.Contains(w)));
        var filters = new QuestionFilters { Status = status, OwnerUnit = owner, PlanId = planId, Range = range };

        var kind = (whoOwns, overdue, changed, summary, deadlines, lookup, list) switch
        {
            (true, _, _, _, _, _, _) => QuestionKind.WhoOwns,
            (_, true, _, _, _, _, _) => QuestionKind.Overdue,
            (_, _, true, _, _, _, _) => QuestionKind.ChangedSince,
            (_, _, _, true, _, _, _) => QuestionKind.Summary,
            (_, _, _, _, true, _, _) => QuestionKind.DueSoon,
            _ when searchText.Length > 0 => QuestionKind.Lookup,
            _ when range is not null => QuestionKind.DueSoon,
            _ when planId is not null && status is null && owner is null => QuestionKind.Summary,
            _ when lookup && filters.IsEmpty => QuestionKind.Summary,
            _ => QuestionKind.List,
        };

        // The defaults a coordinator means when no period is named.
        if (kind == QuestionKind.DueSoon && range is null) filters = filters with { Range = new DateRange(today, today.AddDays(30)) };
        if (kind == QuestionKind.ChangedSince && range is null) filters = filters with { Range = new DateRange(today.AddDays(-7), today) };
        return new Question(kind, filters, searchText);
    }

    private static bool Remove(Regex pattern, ref string text)
    {
        var found = false;
        text = pattern.Replace(text, _ => { found = true; return " "; });
        return found;
    }

    // Compiled once: building these per question overflowed the regex cache and cost milliseconds a question.
    private static readonly IReadOnlyList<(string Unit, Regex Pattern)> OwnerPatterns = OwnerUnits.All
        .SelectMany(unit => unit.Aliases.Select(alias => (unit.Name, Alias: ChatText.Normalize(alias))))
        .OrderByDescending(x => x.Alias.Length)
        .Select(x => (x.Name, new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(x.Alias)}s?(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant)))
        .ToList();

    private static string? FindOwner(ref string text)
    {
        foreach (var (unit, pattern) in OwnerPatterns)
        {
            var match = pattern.Match(text);
            if (!match.Success) continue;
            text = text.Remove(match.Index, match.Length).Insert(match.Index, " ");
            return unit;
        }
        return null;
    }
}
