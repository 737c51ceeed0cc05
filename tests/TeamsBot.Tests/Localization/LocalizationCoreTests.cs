using Microsoft.Extensions.Time.Testing;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Tests.Localization;

/// <summary>The language core: one language type, one Oslo clock, one date formatter, one set of status labels.</summary>
public class LocalizationCoreTests
{
    [Theory]
    [InlineData("en-US", UserLanguage.English, "en")]
    [InlineData("en", UserLanguage.English, "en")]
    [InlineData("nb-NO", UserLanguage.Bokmal, "nb")]
    [InlineData("nn-NO", UserLanguage.Bokmal, "nb")]
    [InlineData(null, UserLanguage.Bokmal, "nb")]
    public void A_locale_or_a_plans_language_tag_picks_the_language_and_its_card_tag(string? tag, UserLanguage language, string code)
    {
        Assert.Equal(language, UserLanguages.FromLocale(tag));
        Assert.Equal(code, language.Code());
    }

    [Fact]
    public void Each_language_quotes_in_its_own_marks()
    {
        Assert.Equal("«høsten 2023»", UserLanguage.Bokmal.Quote("høsten 2023"));
        Assert.Equal("\"autumn 2023\"", UserLanguage.English.Quote("autumn 2023"));
    }

    [Fact]
    public void Dates_are_spelled_by_the_core_not_by_the_machines_culture_data()
    {
        var date = new DateOnly(2023, 9, 1);

        Assert.Equal(("1. september 2023", "1 September 2023"), (DateTexts.Date(date, UserLanguage.Bokmal), DateTexts.Date(date, UserLanguage.English)));
        Assert.Equal(("01.09.2023", "1 Sep 2023"), (DateTexts.ShortDate(date, UserLanguage.Bokmal), DateTexts.ShortDate(date, UserLanguage.English)));
        Assert.Equal(("1.9.", "1 Sep"), (DateTexts.DayAndMonth(date, UserLanguage.Bokmal), DateTexts.DayAndMonth(date, UserLanguage.English)));
        Assert.Equal(("desember", "December"), (DateTexts.MonthName(12, UserLanguage.Bokmal), DateTexts.MonthName(12, UserLanguage.English)));
    }

    [Fact]
    public void Times_are_Oslo_wall_clock_time_in_winter_and_in_summer()
    {
        var winter = new DateTimeOffset(2026, 11, 22, 13, 5, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("22.11.2026 kl. 14:05", DateTexts.Time(winter, UserLanguage.Bokmal));
        Assert.Equal("22 November 2026, 14:05", DateTexts.Time(winter, UserLanguage.English));
        Assert.Equal("01.07.2026 kl. 14:00", DateTexts.Time(summer, UserLanguage.Bokmal));
    }

    [Fact]
    public void A_late_UTC_evening_is_already_the_next_day_in_Oslo_and_days_start_at_Oslo_midnight()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), OsloClock.DateOf(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), OsloClock.StartOf(new DateOnly(2026, 11, 23)));
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), OsloClock.StartOf(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void The_clock_says_today_in_Oslo()
    {
        var clock = new OsloClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today);
        Assert.Equal(TimeSpan.FromHours(1), clock.Now.Offset);
    }

    [Theory]
    [InlineData(UserLanguage.Bokmal)]
    [InlineData(UserLanguage.English)]
    public void Every_status_label_reads_back_as_its_status(UserLanguage language)
    {
        foreach (var status in Enum.GetValues<MeasureStatus>())
        {
            Assert.True(StatusLabels.TryParse(StatusLabels.Label(status, language), out var read));
            Assert.Equal(status, read);
            Assert.Equal(TextCase.Capitalize(StatusLabels.Label(status, language)), StatusLabels.Heading(status, language));
        }
        Assert.Equal("Under planlegging", StatusLabels.Heading(MeasureStatus.UnderPlanning, UserLanguage.Bokmal));
        Assert.Equal("in progress", StatusLabels.Label(MeasureStatus.InProgress, UserLanguage.English));
    }
}
