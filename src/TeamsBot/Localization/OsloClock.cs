namespace TeamsBot.Localization;

/// <summary>
/// Dates and times as the organisation sees them: deadlines, weeks and timestamps are Norwegian wall-clock time, not
/// UTC and not the server's zone. The one place instants become Oslo days and back.
/// </summary>
public sealed class OsloClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public DateTimeOffset Now => InOslo(time.GetUtcNow());

    public DateOnly Today => DateOf(time.GetUtcNow());

    /// <summary>The same instant with Oslo's offset.</summary>
    public static DateTimeOffset InOslo(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The Oslo calendar day <paramref name="at"/> falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(InOslo(at).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/> in Oslo.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
