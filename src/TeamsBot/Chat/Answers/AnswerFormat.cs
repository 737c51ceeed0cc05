using System.Globalization;
using TeamsBot.Time;

namespace TeamsBot.Chat.Answers;

/// <summary>Dates and times as people write them: month names spelled out, times in Oslo (not UTC, not the server's zone).</summary>
public static class AnswerFormat
{
    /// <summary>"1. september 2023" / "1 September 2023". Month names are spelled here, not taken from ICU culture data.</summary>
    public static string Date(DateOnly date, AnswerTexts texts) =>
        texts.Lang == "en"
            ? $"{date.Day} {texts.MonthNames[date.Month - 1]} {date.Year}"
            : $"{date.Day}. {texts.MonthNames[date.Month - 1]} {date.Year}";

    /// <summary>"22.11.2026 kl. 14:05" / "22 November 2026, 14:05", in Europe/Oslo time.</summary>
    public static string OsloTime(DateTimeOffset at, AnswerTexts texts)
    {
        var local = TimeZoneInfo.ConvertTime(at, OsloClock.Zone);
        var clock = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return texts.Lang == "en"
            ? $"{Date(DateOnly.FromDateTime(local.DateTime), texts)}, {clock}"
            : $"{local.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} kl. {clock}";
    }

    /// <summary>"1.9.2023"-style short date for compact rows: "01.09.2023" / "1 Sep 2023".</summary>
    public static string ShortDate(DateOnly date, AnswerTexts texts) =>
        texts.Lang == "en"
            ? $"{date.Day} {texts.MonthNames[date.Month - 1][..3]} {date.Year}"
            : date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
