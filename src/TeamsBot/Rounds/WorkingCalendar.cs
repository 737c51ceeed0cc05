using Microsoft.Extensions.Options;
using TeamsBot.Localization;

namespace TeamsBot.Rounds;

/// <summary>
/// Oslo working time: Monday–Friday except Norwegian public holidays (the fixed ones, the Easter-based ones, and any
/// configured), within the configured working hours. The one place a reminder's nominal time becomes a sending time.
/// </summary>
public sealed class WorkingCalendar(IOptions<RoundOptions> options)
{
    private RoundOptions O => options.Value;

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    public bool IsHoliday(DateOnly day)
    {
        if ((day.Month, day.Day) is (1, 1) or (5, 1) or (5, 17) or (12, 25) or (12, 26)) return true;
        var easter = EasterSunday(day.Year);
        var offset = day.DayNumber - easter.DayNumber;
        // Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday.
        if (offset is -3 or -2 or 0 or 1 or 39 or 49 or 50) return true;
        return O.ExtraHolidays.Contains(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary><paramref name="at"/> if it is working time, otherwise the start of the next working period.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset at)
    {
        var local = OsloClock.InOslo(at);
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(day) && time >= O.WorkStart && time < O.WorkEnd) return at;
        if (!IsWorkingDay(day) || time >= O.WorkEnd) day = day.AddDays(1);
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return StartOfWork(day);
    }

    /// <summary>When the reminder <paramref name="daysBefore"/> days before <paramref name="deadline"/> goes: that day's working start, or the next.</summary>
    public DateTimeOffset ReminderTime(DateOnly deadline, int daysBefore) => NextWorkingMoment(StartOfWork(deadline.AddDays(-daysBefore)));

    private DateTimeOffset StartOfWork(DateOnly day)
    {
        var local = day.ToDateTime(O.WorkStart);
        return new DateTimeOffset(local, OsloClock.Zone.GetUtcOffset(local));
    }

    /// <summary>The Gregorian Easter Sunday (the anonymous algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
