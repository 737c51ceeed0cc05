namespace TeamsBot.Measures.Import;

/// <summary>The last day a written date or period stands for.</summary>
internal static class RemarkDates
{
    /// <summary>A day; without a year, the first such day on or after <paramref name="reference"/> (none without one).</summary>
    public static DateOnly? Day(int? year, int month, int day, DateOnly? reference)
    {
        if (month is < 1 or > 12 || day < 1) return null;
        if (year is { } y) return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        if (reference is not { } from) return null;
        for (var candidate = from.Year; candidate <= from.Year + 4; candidate++)
        {
            if (day > DateTime.DaysInMonth(candidate, month)) continue;
            var date = new DateOnly(candidate, month, day);
            if (date >= from) return date;
        }
        return null;
    }

    public static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>
    /// Seasons end with their last month: spring (vår) 31 May, summer 31 August, autumn (høst) 30 November. Winter is
    /// the one that ends in February of the year named ("vinteren 2024" = the winter of early 2024), or of the second
    /// year of a pair ("vinteren 2023/2024"). For the other seasons a pair means the later year.
    /// </summary>
    public static DateOnly? EndOfSeason(int season, int year, int? secondYear) => season switch
    {
        0 => EndOfMonth(secondYear ?? year, 5),
        1 => EndOfMonth(secondYear ?? year, 8),
        2 => EndOfMonth(secondYear ?? year, 11),
        3 => EndOfMonth(secondYear ?? year, 2),
        _ => null,
    };
}
