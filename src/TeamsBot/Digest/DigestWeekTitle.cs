using TeamsBot.Localization;

namespace TeamsBot.Digest;

/// <summary>"Uke 47, 17.–23. november 2026" / "Week 47, 17–23 November 2026", spanning months and years when the week does.</summary>
public static class DigestWeekTitle
{
    public static string Format(IsoWeek week, UserLanguage language)
    {
        var (from, to) = (week.Monday, week.Sunday);
        return language == UserLanguage.English
            ? $"Week {week.Week}, {English(from, to)}"
            : $"Uke {week.Week}, {Norwegian(from, to)}";
    }

    private static string Norwegian(DateOnly from, DateOnly to) =>
        from.Year != to.Year ? $"{DateTexts.Date(from, UserLanguage.Bokmal)}–{DateTexts.Date(to, UserLanguage.Bokmal)}"
        : from.Month != to.Month ? $"{from.Day}. {Month(from)}–{DateTexts.Date(to, UserLanguage.Bokmal)}"
        : $"{from.Day}.–{DateTexts.Date(to, UserLanguage.Bokmal)}";

    private static string English(DateOnly from, DateOnly to) =>
        from.Year != to.Year ? $"{DateTexts.Date(from, UserLanguage.English)}–{DateTexts.Date(to, UserLanguage.English)}"
        : from.Month != to.Month ? $"{from.Day} {DateTexts.MonthName(from.Month, UserLanguage.English)}–{DateTexts.Date(to, UserLanguage.English)}"
        : $"{from.Day}–{DateTexts.Date(to, UserLanguage.English)}";

    private static string Month(DateOnly date) => DateTexts.MonthName(date.Month, UserLanguage.Bokmal);
}
