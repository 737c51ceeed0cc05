using System.Globalization;
using System.Text.RegularExpressions;

namespace TeamsBot.Chat.Understanding;

/// <summary>
/// Finds date expressions in bokmål and English («1. september 2023», «neste 30 dager», «in August», «siste uke»,
/// «since 01.09.2023») and returns the range they mean, relative to today, with the matched text removed.
/// </summary>
public static partial class DatePhrases
{
    /// <summary>The years a question may name: the plans run from 2011, their deadlines within this century.</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    // Relative periods longer than this are cut to it (no plan runs a century), so no date arithmetic leaves the calendar.
    private const int MaxDays = 36_500;

    // «i år 3000», «siden år 1», «in 1999», «before year 12345»: a year named outright, whatever its size.
    [GeneratedRegex(@"\b(?:(?:år|året|aret|year)\s+(?<y>\d{1,9})|(?:i|in|innen|by|før|for|before|siden|since|fra|from|etter|after|til|until|during)\s+(?<y>\d{4,9}))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamedYear();

    /// <summary>A year <paramref name="text"/> (lower case) names outside <see cref="FirstYear"/>–<see cref="LastYear"/>, if any.</summary>
    public static int? YearOutOfRange(string text)
    {
        foreach (Match match in NamedYear().Matches(text))
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            if (!IsSaneYear(year)) return year;
        }
        return null;
    }

    /// <summary>The first year of <paramref name="range"/> outside the sane years, if any.</summary>
    public static int? YearOutOfRange(DateRange range) =>
        range.From is { } from && !IsSaneYear(from.Year) ? from.Year
        : range.To is { } to && !IsSaneYear(to.Year) ? to.Year
        : null;

    private static bool IsSaneYear(int year) => year is >= FirstYear and <= LastYear;

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["januar"] = 1, ["january"] = 1, ["jan"] = 1,
        ["februar"] = 2, ["february"] = 2, ["feb"] = 2,
        ["mars"] = 3, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mai"] = 5, ["may"] = 5,
        ["juni"] = 6, ["june"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9,
        ["oktober"] = 10, ["october"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["desember"] = 12, ["december"] = 12, ["des"] = 12, ["dec"] = 12,
    };

    private const string MonthNames =
        "januar|january|jan|februar|february|feb|mars|march|mar|april|apr|mai|may|juni|june|jun|juli|july|jul|august|aug|" +
        "september|sept|sep|oktober|october|okt|oct|november|nov|desember|december|des|dec";

    // One date: 1. september 2023 | 1 september 2023 | september 1, 2023 | 01.09.2023 | 2023-09-01 | 1. september
    private const string OneDate =
        @"(?:(?<d>\d{1,2})\.?\s+(?<m>" + MonthNames + @")(?:\s+(?<y>\d{4}))?" +
        @"|(?<m2>" + MonthNames + @")\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y2>\d{4})" +
        @"|(?<d3>\d{1,2})\.(?<m3>\d{1,2})\.(?<y3>\d{4})" +
        @"|(?<y4>\d{4})-(?<m4>\d{2})-(?<d4>\d{2}))";

    [GeneratedRegex(@"\b(?<dir>siden|etter|fra|fom|since|after|from)\s+" + OneDate + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex SinceDate();

    [GeneratedRegex(@"\b(?<dir>før|innen|til|before|by|until)\s+" + OneDate + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex BeforeDate();

    [GeneratedRegex(@"\b(?:de\s+)?(?<dir>neste|kommende|innen|within|next|coming|the\s+next|siste|forrige|last|past|the\s+last|the\s+past)\s+(?<n>\d{1,4})\s+(?<unit>dager|dagene|dagar|dagane|days?|uker|ukene|veker|vekene|weeks?|måneder|månedene|månader|månadene|months?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeCount();

    [GeneratedRegex(@"\b(?<dir>neste|kommende|next|coming|denne|this|siste|forrige|sist|last|past|the\s+last|the\s+past)\s+(?<unit>uke|uka|uken|veke|veka|week|måned|måneden|månad|månaden|month|år|året|year)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeUnit();

    // Full month names only ("mar", "des" and the verb "may" are ordinary words); May needs "in" or a year.
    private const string FullMonthNames =
        "januar|january|februar|february|mars|march|april|mai|juni|june|juli|july|august|september|oktober|october|november|desember|december";

    [GeneratedRegex(@"\b(?:i\s+|in\s+|during\s+)?(?<m>" + FullMonthNames + @")(?:\s+(?<y>\d{4}))?\b|\b(?:in|during)\s+(?<m>may)(?:\s+(?<y>\d{4}))?\b|\b(?<m>may)\s+(?<y>\d{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"\b(?:i\s+|in\s+)?(?<y>20\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearOnly();

    [GeneratedRegex(OneDate, RegexOptions.CultureInvariant)]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"\b(?:snart|soon|upcoming|kommende)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Soon();

    /// <summary>Removes the first date expression found in <paramref name="text"/> (lower case) and returns its range.</summary>
    public static (DateRange? Range, string Remaining) Extract(string text, DateOnly today)
    {
        if (Take(SinceDate(), text) is { } since && DateOf(since.Match, today) is { } from)
            return (new DateRange(from, null), since.Remaining);
        if (Take(BeforeDate(), text) is { } before && DateOf(before.Match, today) is { } to)
            return (new DateRange(today, to), before.Remaining);
        if (Take(RelativeCount(), text) is { } count)
        {
            var n = int.Parse(count.Match.Groups["n"].Value, CultureInfo.InvariantCulture);
            var days = Math.Min(MaxDays, count.Match.Groups["unit"].Value switch
            {
                var u when u.StartsWith("uke", StringComparison.Ordinal) || u.StartsWith("veke", StringComparison.Ordinal) || u.StartsWith("week", StringComparison.Ordinal) => n * 7,
                var u when u.StartsWith("måned", StringComparison.Ordinal) || u.StartsWith("månad", StringComparison.Ordinal) || u.StartsWith("month", StringComparison.Ordinal) => n * 30,
                _ => n,
            });
            return (IsPast(count.Match.Groups["dir"].Value)
                ? new DateRange(today.AddDays(-days), today)
                : new DateRange(today, today.AddDays(days)), count.Remaining);
        }
        if (Take(RelativeUnit(), text) is { } unit) return (UnitRange(unit.Match, today), unit.Remaining);
        if (Take(AnyDate(), text) is { } exact && DateOf(exact.Match, today) is { } day) return (new DateRange(day, day), exact.Remaining);
        if (Take(MonthOnly(), text) is { } month)
        {
            var m = Months[month.Match.Groups["m"].Value];
            var year = month.Match.Groups["y"].Success ? int.Parse(month.Match.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
            var first = new DateOnly(year, m, 1);
            return (new DateRange(first, first.AddMonths(1).AddDays(-1)), month.Remaining);
        }
        if (Take(YearOnly(), text) is { } yearOnly)
        {
            var year = int.Parse(yearOnly.Match.Groups["y"].Value, CultureInfo.InvariantCulture);
            return (new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), yearOnly.Remaining);
        }
        if (Take(Soon(), text) is { } soon) return (new DateRange(today, today.AddDays(30)), soon.Remaining);
        return (null, text);
    }

    private static (Match Match, string Remaining)? Take(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        return match.Success ? (match, text.Remove(match.Index, match.Length).Insert(match.Index, " ")) : null;
    }

    private static bool IsPast(string direction) =>
        direction is "siste" or "forrige" or "sist" or "last" or "past" or "the last" or "the past" || direction.StartsWith("the l", StringComparison.Ordinal) || direction.StartsWith("the p", StringComparison.Ordinal);

    private static DateRange UnitRange(Match match, DateOnly today)
    {
        var direction = match.Groups["dir"].Value;
        var unit = match.Groups["unit"].Value;
        var isWeek = unit.StartsWith("uk", StringComparison.Ordinal) || unit.StartsWith("vek", StringComparison.Ordinal) || unit == "week";
        var isMonth = unit.StartsWith("måned", StringComparison.Ordinal) || unit.StartsWith("månad", StringComparison.Ordinal) || unit == "month";
        if (direction is "denne" or "this")
        {
            if (isWeek)
            {
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                return new DateRange(monday, monday.AddDays(6));
            }
            if (isMonth) return new DateRange(new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1));
            return new DateRange(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        }
        var days = isWeek ? 7 : isMonth ? 30 : 365;
        return IsPast(direction) ? new DateRange(today.AddDays(-days), today) : new DateRange(today, today.AddDays(days));
    }

    private static DateOnly? DateOf(Match match, DateOnly today)
    {
        string G(params string[] names) => names.Select(n => match.Groups[n]).FirstOrDefault(g => g.Success)?.Value ?? "";
        var dayText = G("d", "d2", "d3", "d4");
        var monthText = G("m", "m2", "m3", "m4");
        var yearText = G("y", "y2", "y3", "y4");
        if (!int.TryParse(dayText, CultureInfo.InvariantCulture, out var day)) return null;
        var month = Months.TryGetValue(monthText, out var named) ? named
            : int.TryParse(monthText, CultureInfo.InvariantCulture, out var numeric) ? numeric : 0;
        var year = int.TryParse(yearText, CultureInfo.InvariantCulture, out var y) ? y : today.Year;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }
}
