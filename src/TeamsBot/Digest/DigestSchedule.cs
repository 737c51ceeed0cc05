using TeamsBot.Localization;

namespace TeamsBot.Digest;

/// <summary>When a channel gets its brief: a weekday and a wall-clock time in Europe/Oslo.</summary>
public sealed record DigestSchedule(DayOfWeek Day, TimeOnly Time)
{
    public static readonly DigestSchedule Default = new(DayOfWeek.Monday, new TimeOnly(8, 0));

    /// <summary>
    /// The instant of this schedule in <paramref name="week"/>. A time that does not exist on a spring-forward
    /// night (02:30) moves to the first instant after the gap; an ambiguous autumn time takes its first occurrence.
    /// </summary>
    public DateTimeOffset OccurrenceIn(IsoWeek week)
    {
        var local = week.Day(Day).ToDateTime(Time, DateTimeKind.Unspecified);
        var zone = OsloClock.Zone;
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The ISO week (in Oslo) that <paramref name="utc"/> falls in.</summary>
    public static IsoWeek WeekAt(DateTimeOffset utc) =>
        IsoWeek.Of(OsloClock.DateOf(utc));
}
