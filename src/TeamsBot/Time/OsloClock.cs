namespace TeamsBot.Time;

/// <summary>Dates as the organisation sees them: deadlines and weeks are Norwegian calendar days, not UTC days.</summary>
public sealed class OsloClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public TimeProvider TimeProvider => time;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
