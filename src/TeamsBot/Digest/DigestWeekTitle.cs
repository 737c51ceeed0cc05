using TeamsBot.Localization;

namespace TeamsBot.Digest;

/// <summary>"Uke 47, 17.–23. november 2026" / "Week 47, 17–23 November 2026", spanning months and years when the week does.</summary>
public static class DigestWeekTitle
{
    private static readonly string[] NorwegianMonths =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Format(IsoWeek week, UserLanguage language)
    {
        var (from, to) = (week.Monday, week.Sunday);
        return language == UserLanguage.English
            ? $"Week {week.Week}, {English(from, to)}"
            : $"Uke {week.Week}, {Norwegian(from, to)}";
    }

    /// <summary>A date as in running Norwegian text: "17. november 2026".</summary>
    public static string Date(DateOnly date, UserLanguage language) => language == UserLanguage.English
        ? $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}"
        : $"{date.Day}. {NorwegianMonths[date.Month - 1]} {date.Year}";

    /// <summary>A short date without the year: "17.11." / "17 Nov".</summary>
    public static string ShortDate(DateOnly date, UserLanguage language) => language == UserLanguage.English
        ? $"{date.Day} {EnglishMonths[date.Month - 1][..3]}"
        : $"{date.Day}.{date.Month}.";

    private static string Norwegian(DateOnly from, DateOnly to) =>
        from.Year != to.Year ? $"{from.Day}. {NorwegianMonths[from.Month - 1]} {from.Year}–{to.Day}. {NorwegianMonths[to.Month - 1]} {to.Year}"
        : from.Month != to.Month ? $"{from.Day}. {NorwegianMonths[from.Month - 1]}–{to.Day}. {NorwegianMonths[to.Month - 1]} {to.Year}"
        : $"{from.Day}.–{to.Day}. {NorwegianMonths[to.Month - 1]} {to.Year}";

    private static string English(DateOnly from, DateOnly to) =>
        from.Year != to.Year ? $"{from.Day} {EnglishMonths[from.Month - 1]} {from.Year}–{to.Day} {EnglishMonths[to.Month - 1]} {to.Year}"
        : from.Month != to.Month ? $"{from.Day} {EnglishMonths[from.Month - 1]}–{to.Day} {EnglishMonths[to.Month - 1]} {to.Year}"
        : $"{from.Day}–{to.Day} {EnglishMonths[to.Month - 1]} {to.Year}";
}
