using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TeamsBot.Localization;

namespace TeamsBot.Measures.Import;

/// <summary>A way of writing a date or period: the pattern and the last day it stands for.</summary>
/// <param name="NeedsLeadIn">A bare year counts only after a lead-in such as "i løpet av", "innen", "i", "by".</param>
internal sealed record DatePattern(Regex Regex, Func<Match, DateOnly?, DateOnly?> LastDay, bool NeedsLeadIn = false);

/// <summary>How one language writes dates, and the words around them that tell a deadline from a record of the past.</summary>
internal sealed record RemarkDeadlineVocabulary(
    ImmutableArray<DatePattern> Dates,
    Regex StrongCueBefore,
    Regex DeadlineWord,
    Regex ForwardWord,
    Regex PastWord,
    Regex StartCueBefore,
    Regex YearLeadIn)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string WordStart = @"(?<![\p{L}\p{N}])";
    private const string WordEnd = @"(?![\p{L}\p{N}])";

    private static Regex Words(string alternatives) => new($"{WordStart}(?:{alternatives}){WordEnd}", Options);
    private static Regex RightBefore(string alternatives) => new($@"{WordStart}(?:{alternatives})\s+$", Options);
    private static Regex Pattern(string pattern) => new($"{WordStart}{pattern}(?![\\p{{L}}\\p{{N}}-])", Options);

    public static RemarkDeadlineVocabulary Norwegian { get; } = new(
        DatePatterns(
            months: "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember",
            dayMonth: @"(?<d>\d{1,2})\.\s*(?<m>{months})(?:\s+(?<y>\d{4}))?",
            monthDay: null,
            season: @"(?<s>våren|vår|sommeren|sommer|høsten|høst|vinteren|vinter)",
            seasons: ["vår", "sommer", "høst", "vinter"],
            half: @"(?<h>første|andre|1\.|2\.)\s*halvår(?:et)?\s+(?<y>\d{4})",
            quarter: @"(?<q>[1-4])\.\s*kvartal\s+(?<y>\d{4})"),
        StrongCueBefore: RightBefore(@"innen(?:\s+utgangen\s+av)?|senest|frist(?:en)?(?:\s+er)?|ved\s+utgangen\s+av"),
        DeadlineWord: Words("frist|fristen|tidsfrist"),
        ForwardWord: Words(
            "skal|vil|planlagt|planlegges|planlegger|forventes|forventet|estimeres|estimert|ferdigstilles|ferdig|" +
            "utarbeides|gjennomføres|nedsettes|leveres|innføres|avsluttes|innen|frist|fristen"),
        PastWord: Words("ble|har|hadde|var|gjennomført|godkjent|oversendt|sendt|siden"),
        StartCueBefore: RightBefore(@"fra(?:\s+og\s+med)?|oppstart(?:\s+i)?|starter(?:\s+i)?"),
        YearLeadIn: RightBefore(@"(?<phrase>i\s+løpet\s+av|(?:ved\s+)?utgangen\s+av)|innen|i"));

    public static RemarkDeadlineVocabulary English { get; } = new(
        DatePatterns(
            months: "january|february|march|april|may|june|july|august|september|october|november|december",
            dayMonth: @"(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<m>{months})(?:,?\s+(?<y>\d{4}))?",
            monthDay: @"(?<m>{months})\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,\s*(?<y>\d{4}))?",
            season: @"(?<s>spring|summer|autumn|fall|winter)(?:\s+of)?",
            seasons: ["spring", "summer", "autumn|fall", "winter"],
            half: @"(?<h>first|second)\s+half\s+(?:of\s+)?(?<y>\d{4})",
            quarter: @"(?:Q(?<q>[1-4])|(?<qw>first|second|third|fourth)\s+quarter(?:\s+of)?)\s+(?<y>\d{4})"),
        StrongCueBefore: RightBefore(@"by(?:\s+the\s+end\s+of)?|no\s+later\s+than|before|deadline(?:\s+is)?|due(?:\s+by)?|within"),
        DeadlineWord: Words("deadline"),
        ForwardWord: Words(@"will|shall|planned|plans?|expected|estimated|scheduled|due|deadline"),
        PastWord: Words("was|were|has|have|had|been|since"),
        StartCueBefore: RightBefore(@"from|as\s+of|starting(?:\s+in)?|starts(?:\s+in)?"),
        YearLeadIn: RightBefore(@"(?<phrase>during|the\s+end\s+of|in\s+the\s+course\s+of)|in|by|before"));

    /// <summary>English for "en…", otherwise Norwegian (nb, nn).</summary>
    public static RemarkDeadlineVocabulary For(string language) =>
        UserLanguages.FromLocale(language) == UserLanguage.English ? English : Norwegian;

    private static ImmutableArray<DatePattern> DatePatterns(
        string months, string dayMonth, string? monthDay, string season, string[] seasons, string half, string quarter)
    {
        var monthNames = months.Split('|');
        int Month(Match m) => Array.IndexOf(monthNames, m.Groups["m"].Value.ToLowerInvariant()) + 1;
        DateOnly? DayMonth(Match m, DateOnly? reference) =>
            RemarkDates.Day(Year(m, "y"), Month(m), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), reference);

        var patterns = new List<DatePattern>
        {
            new(Pattern(dayMonth.Replace("{months}", months)), DayMonth),
            new(Pattern(@"(?<![\d.])(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})"),
                (m, _) => RemarkDates.Day(Year(m, "y"), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), null)),
            new(Pattern(@"(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})"),
                (m, _) => RemarkDates.Day(Year(m, "y"), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), null)),
            new(Pattern($@"(?<m>{months})\s+(?<y>\d{{4}})"), (m, _) => RemarkDates.EndOfMonth(Year(m, "y")!.Value, Month(m))),
            new(Pattern($@"{season}\s+(?<y>\d{{4}})(?:\s*/\s*(?<y2>\d{{4}}|\d{{2}}))?"),
                (m, _) => RemarkDates.EndOfSeason(SeasonIndex(seasons, m.Groups["s"].Value), Year(m, "y")!.Value, Year(m, "y2"))),
            new(Pattern(half), (m, _) => RemarkDates.EndOfMonth(Year(m, "y")!.Value, m.Groups["h"].Value.ToLowerInvariant() is "første" or "1." or "first" ? 6 : 12)),
            new(Pattern(quarter), (m, _) => RemarkDates.EndOfMonth(Year(m, "y")!.Value, 3 * Quarter(m))),
            new(Pattern(@"(?<![\d.,/-])(?<y>(?:19|20)\d{2})(?:\s*/\s*(?<y2>\d{4}|\d{2}))?"),
                (m, _) => new DateOnly(Year(m, "y2") ?? Year(m, "y")!.Value, 12, 31), NeedsLeadIn: true),
        };
        if (monthDay is not null) patterns.Add(new(Pattern(monthDay.Replace("{months}", months)), DayMonth));
        return [.. patterns];
    }

    private static int SeasonIndex(string[] seasons, string word) =>
        Array.FindIndex(seasons, s => s.Split('|').Any(name => word.StartsWith(name, StringComparison.OrdinalIgnoreCase)));

    private static int Quarter(Match m) => m.Groups["q"].Success
        ? int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture)
        : Array.IndexOf(["first", "second", "third", "fourth"], m.Groups["qw"].Value.ToLowerInvariant()) + 1;

    // "2023/24" means 2024: a two-digit second year continues the first one's century.
    private static int? Year(Match m, string group)
    {
        if (!m.Groups[group].Success) return null;
        var value = int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        if (value >= 100) return value;
        var first = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return first / 100 * 100 + value;
    }
}
