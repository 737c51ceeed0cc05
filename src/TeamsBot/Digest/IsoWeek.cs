using System.Globalization;

namespace TeamsBot.Digest;

/// <summary>An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), the unit a brief is posted once per.</summary>
public readonly record struct IsoWeek(int Year, int Week)
{
    public static IsoWeek Of(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dateTime), ISOWeek.GetWeekOfYear(dateTime));
    }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public DateOnly Day(DayOfWeek day) => Monday.AddDays(((int)day + 6) % 7);

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    /// <summary>"2026-W47": sorts in time order, so it is the DigestRuns row key.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
