using Microsoft.Extensions.Options;
using TeamsBot.Rounds;

namespace TeamsBot.Tests.Rounds;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(Options.Create(new RoundOptions { ExtraHolidays = ["2026-12-24"] }));

    private static DateTimeOffset Oslo(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(month is > 3 and < 11 ? 2 : 1));

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    public void Easter_Sunday_is_computed_for_the_years_in_play(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), WorkingCalendar.EasterSunday(year));

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-04-02")] // Maundy Thursday
    [InlineData("2026-04-03")] // Good Friday
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-05-01")]
    [InlineData("2026-05-14")] // Ascension Day
    [InlineData("2026-05-25")] // Whit Monday
    [InlineData("2026-05-17")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-26")]
    [InlineData("2026-12-24")] // configured
    public void Norwegian_public_holidays_and_configured_days_off_are_not_working_days(string day) =>
        Assert.False(Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_ordinary_weekday_is_a_working_day_and_a_weekend_is_not()
    {
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 12, 7)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 12, 12)));
    }

    [Fact]
    public void A_moment_outside_working_hours_moves_to_the_next_working_start_in_Oslo()
    {
        Assert.Equal(Oslo(12, 7, 10), Calendar.NextWorkingMoment(Oslo(12, 7, 10)));
        Assert.Equal(Oslo(12, 7, 8), Calendar.NextWorkingMoment(Oslo(12, 7, 6)));
        Assert.Equal(Oslo(12, 14, 8), Calendar.NextWorkingMoment(Oslo(12, 11, 16, 30)));
        Assert.Equal(Oslo(12, 28, 8), Calendar.NextWorkingMoment(Oslo(12, 23, 17)));
        Assert.Equal(Oslo(4, 7, 8), Calendar.NextWorkingMoment(Oslo(4, 1, 18)));
    }

    [Fact]
    public void A_reminder_due_on_a_weekend_goes_at_the_next_working_morning()
    {
        // Three days before Tuesday 15 December is Saturday 12 December.
        Assert.Equal(Oslo(12, 14, 8), Calendar.ReminderTime(new DateOnly(2026, 12, 15), 3));
        Assert.Equal(Oslo(12, 17, 8), Calendar.ReminderTime(new DateOnly(2026, 12, 18), 1));
    }
}
