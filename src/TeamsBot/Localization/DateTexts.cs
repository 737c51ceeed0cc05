using System.Globalization;

namespace TeamsBot.Localization;

/// <summary>
/// Dates and times as people write them, in either language. Month names are spelled here rather than taken from
/// ICU culture data, so the text is the same on every machine (ICU versions differ: en-GB "Sep" or "Sept").
/// </summary>
public static class DateTexts
{
    private static readonly string[] NorwegianMonths =
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>"september" / "September" (<paramref name="month"/> 1–12).</summary>
    public static string MonthName(int month, UserLanguage language) =>
        (language == UserLanguage.English ? EnglishMonths : NorwegianMonths)[month - 1];

    /// <summary>"1. september 2023" / "1 September 2023": a date in running text.</summary>
    public static string Date(DateOnly date, UserLanguage language) => language == UserLanguage.English
        ? $"{date.Day} {MonthName(date.Month, language)} {date.Year}"
        : $"{date.Day}. {MonthName(date.Month, language)} {date.Year}";

    /// <summary>"01.09.2023" / "1 Sep 2023": a date in a compact row or a period.</summary>
    public static string ShortDate(DateOnly date, UserLanguage language) => language == UserLanguage.English
        ? $"{date.Day} {MonthName(date.Month, language)[..3]} {date.Year}"
        : date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1.9." / "1 Sep": a day of the current season, without the year.</summary>
    public static string DayAndMonth(DateOnly date, UserLanguage language) => language == UserLanguage.English
        ? $"{date.Day} {MonthName(date.Month, language)[..3]}"
        : $"{date.Day}.{date.Month}.";

    /// <summary>"22.11.2026 kl. 14:05" / "22 November 2026, 14:05", in Oslo time.</summary>
    public static string Time(DateTimeOffset at, UserLanguage language)
    {
        var local = OsloClock.InOslo(at);
        var clock = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return language == UserLanguage.English
            ? $"{Date(DateOnly.FromDateTime(local.DateTime), language)}, {clock}"
            : $"{local.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} kl. {clock}";
    }
}
