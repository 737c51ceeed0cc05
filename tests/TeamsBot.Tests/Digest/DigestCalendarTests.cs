using TeamsBot.Digest;
using TeamsBot.Localization;

namespace TeamsBot.Tests.Digest;

/// <summary>ISO weeks, Oslo wall-clock schedules across DST, and the card's week title.</summary>
public sealed class DigestCalendarTests
{
    [Theory]
    [InlineData(2026, 47, "Uke 47, 16.–22. november 2026", "Week 47, 16–22 November 2026")]
    [InlineData(2026, 5, "Uke 5, 26. januar–1. februar 2026", "Week 5, 26 January–1 February 2026")]
    [InlineData(2026, 53, "Uke 53, 28. desember 2026–3. januar 2027", "Week 53, 28 December 2026–3 January 2027")]
    [InlineData(2026, 1, "Uke 1, 29. desember 2025–4. januar 2026", "Week 1, 29 December 2025–4 January 2026")]
    public void Week_titles_in_Norwegian_and_English(int year, int week, string bokmal, string english)
    {
        Assert.Equal(bokmal, DigestWeekTitle.Format(new IsoWeek(year, week), UserLanguage.Bokmal));
        Assert.Equal(english, DigestWeekTitle.Format(new IsoWeek(year, week), UserLanguage.English));
    }

    [Fact]
    public void Iso_weeks_follow_the_Thursday_rule_and_sort_as_row_keys()
    {
        Assert.Equal(new IsoWeek(2026, 53), IsoWeek.Of(new DateOnly(2027, 1, 3)));
        Assert.Equal(new IsoWeek(2026, 1), IsoWeek.Of(new DateOnly(2025, 12, 29)));
        Assert.Equal("2026-W05", new IsoWeek(2026, 5).ToString());
        Assert.Equal(new IsoWeek(2026, 53), new IsoWeek(2027, 1).Previous);
    }

    [Theory]
    [InlineData(2026, 13, "2026-03-23T07:00:00Z")] // holds the last Sunday of March; Monday is still CET (+01)
    [InlineData(2026, 14, "2026-03-30T06:00:00Z")] // CEST (+02)
    [InlineData(2026, 43, "2026-10-19T06:00:00Z")] // holds the last Sunday of October; Monday is still CEST
    [InlineData(2026, 44, "2026-10-26T07:00:00Z")] // CET
    public void Monday_0800_in_Oslo_in_UTC(int year, int week, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DigestSchedule.Default.OccurrenceIn(new IsoWeek(year, week)));

    [Fact]
    public void A_time_inside_the_spring_gap_moves_past_it_and_an_autumn_repeat_takes_the_first()
    {
        var sunday0230 = new DigestSchedule(DayOfWeek.Sunday, new TimeOnly(2, 30));
        // 29 March 2026: 02:00 → 03:00. 02:30 does not exist; 03:00 CEST = 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), sunday0230.OccurrenceIn(new IsoWeek(2026, 13)));
        // 25 October 2026: 03:00 → 02:00. 02:30 happens twice; the first is CEST = 00:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), sunday0230.OccurrenceIn(new IsoWeek(2026, 43)));
    }

    [Fact]
    public void The_week_is_Oslos_week_not_UTCs()
    {
        // Sunday 22 November 2026 23:30 UTC is already Monday 00:30 in Oslo: week 48.
        Assert.Equal(new IsoWeek(2026, 48), DigestSchedule.WeekAt(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("abonner på ukentlig brief", DigestCommandKind.Subscribe)]
    [InlineData("Abonner på ukentlig brief mandag 09:00", DigestCommandKind.Subscribe)]
    [InlineData("subscribe to weekly brief", DigestCommandKind.Subscribe)]
    [InlineData("vis abonnement", DigestCommandKind.Show)]
    [InlineData("show subscription", DigestCommandKind.Show)]
    [InlineData("stopp brief", DigestCommandKind.Stop)]
    [InlineData("stop brief", DigestCommandKind.Stop)]
    [InlineData("brief nå", DigestCommandKind.Now)]
    [InlineData("Brief now!", DigestCommandKind.Now)]
    public void Commands_are_recognised(string text, DigestCommandKind kind) =>
        Assert.Equal(kind, DigestCommandParser.Parse(text)?.Kind);

    [Theory]
    [InlineData("planer")]
    [InlineData("hva er status på brief-tiltaket")]
    [InlineData("subscribers")]
    public void Other_messages_are_left_to_other_commands(string text) => Assert.Null(DigestCommandParser.Parse(text));

    [Fact]
    public void Subscribe_reads_day_time_and_filters()
    {
        var command = DigestCommandParser.Parse("abonner på ukentlig brief torsdag kl. 7 plan 25-juni område kommunikasjon")!;
        Assert.Equal(new DigestSchedule(DayOfWeek.Thursday, new TimeOnly(7, 0)), command.Schedule);
        Assert.Equal(["25-juni"], command.PlanWords);
        Assert.Equal(["kommunikasjon"], command.AreaWords);
        Assert.Null(DigestCommandParser.Parse("subscribe to weekly brief Monday 24:00")!.Schedule);
    }
}
