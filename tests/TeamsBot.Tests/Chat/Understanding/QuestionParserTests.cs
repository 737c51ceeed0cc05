using TeamsBot.Chat.Understanding;
using TeamsBot.Measures;
using TeamsBot.Measures.Import;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Chat.Understanding;

public sealed class QuestionParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly IReadOnlyList<Plan> Plans = PlanImporter.ReadAll([PlanFiles.SeedFolder]).Plans.Select(p => p.Plan).ToList();

    private static Question Parse(string text) => QuestionParser.Parse(text, Today, Plans);

    [Theory]
    [InlineData("status for PLIVO", "plivo")]
    [InlineData("hva er status på PLIVO?", "plivo")]
    [InlineData("What is the status of the risk assessment tool?", "risk assessment tool")]
    [InlineData("mangfolds-koordinatorer", "mangfolds koordinatorer")]
    [InlineData("retningslinjene for informasjonsdeling", "retningslinjene informasjonsdeling")]
    public void A_question_about_one_thing_is_a_lookup_with_its_subject_words(string text, string search)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.Lookup, question.Kind);
        Assert.Equal(search, question.SearchText);
    }

    [Theory]
    [InlineData("hva er forsinket?")]
    [InlineData("Hvilke tiltak er forsinket")]
    [InlineData("what is overdue?")]
    [InlineData("which measures are delayed")]
    [InlineData("tiltak der fristen er passert")]
    public void Overdue_questions(string text)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.Overdue, question.Kind);
        Assert.False(question.HasSearchText, question.SearchText);
    }

    [Fact]
    public void Deadlines_in_the_next_30_days()
    {
        var question = Parse("frister neste 30 dager");
        Assert.Equal(QuestionKind.DueSoon, question.Kind);
        Assert.Equal(new DateRange(Today, Today.AddDays(30)), question.Filters.Range);
    }

    [Theory]
    [InlineData("frister i september 2023", 2023, 9)]
    [InlineData("deadlines in August 2023", 2023, 8)]
    [InlineData("hva har frist i desember", 2026, 12)]
    public void Deadlines_in_a_named_month(string text, int year, int month)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.DueSoon, question.Kind);
        var first = new DateOnly(year, month, 1);
        Assert.Equal(new DateRange(first, first.AddMonths(1).AddDays(-1)), question.Filters.Range);
    }

    [Theory]
    [InlineData("what changed last week?")]
    [InlineData("hva er endret siste uke")]
    [InlineData("endringer")]
    public void Changes_default_to_the_last_seven_days(string text)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.ChangedSince, question.Kind);
        Assert.Equal(new DateRange(Today.AddDays(-7), Today), question.Filters.Range);
    }

    [Fact]
    public void Changes_since_a_written_date()
    {
        var question = Parse("hva er oppdatert siden 1. september 2023?");
        Assert.Equal(QuestionKind.ChangedSince, question.Kind);
        Assert.Equal(new DateRange(new DateOnly(2023, 9, 1), null), question.Filters.Range);
    }

    [Theory]
    [InlineData("tiltak PST eier", "PST")]
    [InlineData("hva har Kripos ansvar for?", "Kripos")]
    [InlineData("measures owned by the Police University College", "PHS")]
    [InlineData("vis tiltak for politidistriktene", "Politidistriktene")]
    public void Measures_of_an_owner_are_a_list(string text, string owner)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.List, question.Kind);
        Assert.Equal(owner, question.Filters.OwnerUnit);
    }

    [Theory]
    [InlineData("pågående tiltak", MeasureStatus.InProgress)]
    [InlineData("hvilke tiltak er under planlegging?", MeasureStatus.UnderPlanning)]
    [InlineData("implemented measures", MeasureStatus.Implemented)]
    [InlineData("vis alle iverksatte tiltak", MeasureStatus.Implemented)]
    public void Measures_with_a_status_are_a_list(string text, MeasureStatus status)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.List, question.Kind);
        Assert.Equal(status, question.Filters.Status);
    }

    [Theory]
    [InlineData("oppsummering 22. juli", "22-juli")]
    [InlineData("oppsummering 25. juni", "25-juni")]
    [InlineData("status 25. juni-evalueringen", "25-juni")]
    [InlineData("summary of the July 22 measures", "22-juli")]
    [InlineData("faglige råd", "faglige-rad-2025")]
    public void A_plan_named_alone_or_with_summary_words_is_a_summary(string text, string planId)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.Summary, question.Kind);
        Assert.Equal(planId, question.Filters.PlanId);
    }

    [Theory]
    [InlineData("hvem eier PLIVO?", "plivo")]
    [InlineData("who is responsible for the risk assessment tool", "risk assessment tool")]
    public void Who_owns(string text, string search)
    {
        var question = Parse(text);
        Assert.Equal(QuestionKind.WhoOwns, question.Kind);
        Assert.Equal(search, question.SearchText);
    }

    [Fact]
    public void Pågående_tiltak_for_PST_in_the_25_June_plan_combines_filters()
    {
        var question = Parse("pågående tiltak for PST i 25. juni");
        Assert.Equal(QuestionKind.List, question.Kind);
        Assert.Equal((MeasureStatus.InProgress, "PST", "25-juni"), (question.Filters.Status!.Value, question.Filters.OwnerUnit, question.Filters.PlanId));
    }

    [Theory]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("{{DATE(2017-02-14T06:08:39Z, SHORT)}}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("99. foo 2023-13-45 31.02.2023")]
    public void Hostile_or_odd_text_parses_without_throwing(string text)
    {
        var question = Parse(text);
        Assert.NotNull(question);
    }
}

public sealed class QuestionCompositionTests
{
    private static readonly DateOnly Today = new(2023, 8, 20);
    private static readonly IReadOnlyList<Plan> Plans = PlanImporter.ReadAll([PlanFiles.SeedFolder]).Plans.Select(p => p.Plan).ToList();

    private static Question Parse(string text) => QuestionParser.Parse(text, Today, Plans);

    [Fact]
    public void Overdue_with_an_area_and_an_owner_keeps_both_filters()
    {
        var question = Parse("forsinkede tiltak innen kommunikasjon der Kripos er ansvarlig");

        Assert.Equal(QuestionKind.Overdue, question.Kind);
        Assert.Equal(new AreaReference("25-juni", "kommunikasjon"), question.Filters.Area);
        Assert.Equal("Kripos", question.Filters.OwnerUnit);
        Assert.False(question.HasSearchText, question.SearchText);
    }

    [Fact]
    public void A_count_word_with_a_status_and_a_plan_is_a_count_with_both()
    {
        var question = Parse("hvor mange er iverksatt i 22. juli-planen?");

        Assert.Equal(QuestionKind.Count, question.Kind);
        Assert.True(question.Counted);
        Assert.Equal((MeasureStatus.Implemented, "22-juli"), (question.Filters.Status!.Value, question.Filters.PlanId));
    }

    [Fact]
    public void Whats_new_about_a_topic_keeps_the_topic()
    {
        var question = Parse("har det skjedd noe med PLIVO?");

        Assert.Equal(QuestionKind.ChangedSince, question.Kind);
        Assert.Equal("plivo", question.SearchText);
    }

    [Theory]
    [InlineData("etter Utøya", "22-juli")]
    [InlineData("terrorangrepet i 2011", "22-juli")]
    [InlineData("the 2011 bombing in Oslo", "22-juli")]
    [InlineData("Oslo-skytingen", "25-juni")]
    [InlineData("skytingen i Oslo i 2022", "25-juni")]
    [InlineData("Pride-angrepet", "25-juni")]
    [InlineData("the Oslo shooting", "25-juni")]
    [InlineData("politidirektørens faglige råd", "faglige-rad-2025")]
    public void Plans_named_by_their_event_are_that_plan_and_no_date(string name, string planId)
    {
        var question = Parse($"pågående tiltak {name}");

        Assert.Equal(planId, question.Filters.PlanId);
        Assert.Null(question.Filters.Range);
        Assert.False(question.HasSearchText, question.SearchText);
    }

    [Theory]
    [InlineData("hvilke tiltak står PST bak?", "PST")]
    [InlineData("hva jobber PHS med?", "PHS")]
    [InlineData("what is Kripos leading?", "Kripos")]
    [InlineData("anything on the Ministry's plate?", "JD")]
    [InlineData("what is the Correctional Service's directorate in charge of?", "KDI")]
    [InlineData("kva jobbar Oslo politidistrikt med?", "Oslo pd")]
    public void Owners_as_people_say_them_are_a_list_of_that_unit(string text, string owner)
    {
        var question = Parse(text);

        Assert.Equal(QuestionKind.List, question.Kind);
        Assert.Equal(owner, question.Filters.OwnerUnit);
        Assert.False(question.HasSearchText, question.SearchText);
    }

    [Theory]
    [InlineData("felles situasjonsforståelse")]
    [InlineData("studieemnet forebygging av radikalisering")]
    public void Words_of_an_area_in_a_question_about_one_measure_stay_its_subject(string text)
    {
        var question = Parse(text);

        Assert.Equal(QuestionKind.Lookup, question.Kind);
        Assert.Null(question.Filters.Area);
    }

    [Theory]
    [InlineData("frister i år 3000", 3000)]
    [InlineData("siden år 1", 1)]
    [InlineData("changes since 1999", 1999)]
    public void A_year_outside_the_sane_range_is_refused(string text, int year)
    {
        Assert.Equal(year, Parse(text).RefusedYear);
    }
}
